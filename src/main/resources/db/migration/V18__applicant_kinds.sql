-- Who may file each type (PERSON, ORGANISATION, AGENT, joined by commas), and who filed each
-- application: a person, or an organisation through its representative (whose ID stays in
-- applicant_national_id), and the agent acting for them with a mandate, if any.
alter table case_type add column applicant_kinds varchar(64);
alter table application add column applicant_kind varchar(16) default 'PERSON' not null;
alter table application add column applicant_business_no varchar(8);
alter table application add column applicant_representative varchar(100);
alter table application add column agent_relation varchar(16);
alter table application add column agent_national_id varchar(10);
alter table application add column agent_name varchar(100);
alter table application add column agent_licence_no varchar(32);
