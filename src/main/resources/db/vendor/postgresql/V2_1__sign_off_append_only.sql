-- On PostgreSQL the database itself refuses to change or remove a sign-off; the hash chain
-- still detects a change made by someone who can drop this trigger.
create function sign_off_append_only() returns trigger as $$
begin
  raise exception 'sign_off is append-only: % refused', tg_op;
end;
$$ language plpgsql;

create trigger sign_off_append_only
  before update or delete on sign_off
  for each row execute function sign_off_append_only();
