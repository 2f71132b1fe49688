-- A signature covers what was signed: the draft's reasons and conditions, and for the signing of
-- joint-inspection minutes the minutes' text. Rows signed before keep hash version 1, which
-- covers the signer's own words only, so their chains still verify; new rows are version 2.
alter table sign_off add column hash_version integer default 1 not null;
alter table sign_off add column draft_reasons varchar;
alter table sign_off add column draft_conditions varchar;
alter table sign_off add column minutes varchar;
