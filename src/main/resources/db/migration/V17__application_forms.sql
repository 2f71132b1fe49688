-- What each application type asks of its applicant (its form's fields, as the catalog declares
-- them), and each application's answers. Both are JSON text: the catalog and the intake check
-- them against the type's JSON Schema, and no query reads inside them.
alter table case_type add column application_form varchar;
alter table application add column application_data varchar;
