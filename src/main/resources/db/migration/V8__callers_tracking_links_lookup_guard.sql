-- A resent request (the same Idempotency-Key) is answered only to the caller who sent it first,
-- and only for the same body: applications keep who submitted them, changes the hash of their body.
alter table application add column submitted_by varchar(64);
alter table change_report add column request_hash varchar(64);

-- The applicant's unguessable link to their case's progress, in every mail: it always works,
-- whatever anyone guesses at the number-and-ID-suffix look-up.
alter table application add column tracking_token varchar(32);
alter table change_report add column tracking_token varchar(32);
create unique index application_tracking_token on application (tracking_token);
create unique index change_report_tracking_token on change_report (tracking_token);

-- Wrong ID suffixes tried for a case number, shared by every node: each one makes the number's
-- next look-up wait longer, so guessing a suffix takes years.
create table lookup_guard (
  case_no         varchar(32)  primary key,
  failures        integer      not null,
  last_failure_at timestamp with time zone not null,
  open_at         timestamp with time zone not null
);
