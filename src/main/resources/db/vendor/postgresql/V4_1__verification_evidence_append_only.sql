create trigger verification_evidence_append_only
  before update or delete on verification_evidence
  for each row execute function sign_off_append_only();
