-- The oversight figures (研考) per case, written as the case moves: when it is accepted, when the
-- applicant is asked to supply something (補正) and supplies it, and when it is decided or closed.
-- The reports read this table, not the engine's history (over 400 rows per case). It holds no
-- personal data: the case's number, type, agency and dates only.
create table case_figures (
  application_no      varchar(32) primary key,
  receiving_agency    varchar(32) not null,
  case_type_code      varchar(64) not null,
  received_on         date        not null,
  time_limit_days     integer     not null,
  supplements         integer     default 0 not null,
  -- Working days the case waited for the applicant's supplement: not counted against the limit.
  paused_working_days integer     default 0 not null,
  closed_on           date,
  -- APPROVED, REJECTED, or WITHDRAWN_NO_SUPPLEMENT
  outcome             varchar(32),
  lead_working_days   integer,
  on_time             boolean
);

create index case_figures_received_idx on case_figures (received_on);
create index case_figures_closed_idx on case_figures (closed_on);

-- When each agency was asked for its co-review opinion, and how many working days its answer took.
alter table co_review add column asked_at timestamp with time zone;
alter table co_review add column response_working_days integer;
