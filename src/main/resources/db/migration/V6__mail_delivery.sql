-- Notifications are an outbox: written in the case's transaction, mailed after it commits by
-- MailOutbox, retried with back-off, never holding up the case.
alter table notification add column deliver_after   timestamp with time zone;
alter table notification add column sent_at         timestamp with time zone;
alter table notification add column attempts        integer default 0 not null;
alter table notification add column next_attempt_at timestamp with time zone;
alter table notification add column lease_until     timestamp with time zone;
alter table notification add column last_error      varchar(500);
alter table notification add column cancelled_at    timestamp with time zone;

create index notification_unsent_idx on notification (sent_at, next_attempt_at);
