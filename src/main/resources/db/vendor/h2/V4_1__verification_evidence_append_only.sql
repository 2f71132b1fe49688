-- H2 (the demo database) has no trigger language of its own; the hash chain detects changes.
select 1;
