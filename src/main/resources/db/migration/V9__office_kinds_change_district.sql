-- Offices that serve districts have a kind (district office, household registration office, land
-- office): only an office of the same kind may stand in for another (跨區受理).
alter table agency add column kind varchar(32);

-- The district of the reported address, which names the land office that keeps the record.
alter table change_report add column district varchar(32);
