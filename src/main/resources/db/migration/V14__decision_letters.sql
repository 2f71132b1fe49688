-- The law each case type's decisions rest on, cited by its decision letter (處分書).
alter table case_type add column legal_basis_zh varchar(500);
alter table case_type add column legal_basis_en varchar(500);

-- A notification may carry one stored file: the decision letter mailed with the decision.
alter table notification add column attachment_sha256 varchar(64) references document_content (sha256);
alter table notification add column attachment_name varchar(255);
