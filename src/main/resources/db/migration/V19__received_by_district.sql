-- A type may be received by rule instead of by one named agency: by the district office of the
-- site's or the applicant's registered district, or by the land office of the parcel's district
-- (catalog/districts.yaml). Each application keeps the districts it was received by.
alter table case_type add column received_by varchar(32);
alter table case_type alter column receiving_agency drop not null;
alter table application add column site_district varchar(32);
alter table application add column applicant_registered_district varchar(32);
