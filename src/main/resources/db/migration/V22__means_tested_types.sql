-- The types decided on the household's means (the catalog's meansTest: true), rather than any type
-- whose scope asks for income and property (ADR 0031).
alter table case_type add column means_test boolean default false not null;
