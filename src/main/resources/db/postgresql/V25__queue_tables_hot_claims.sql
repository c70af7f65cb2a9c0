-- PostgreSQL only (db/postgresql/ is read after db/migration/ on PostgreSQL; versions here are not used there).
--
-- The two queue tables: every spool row is written three times (accepted, claimed, finished) and every outbox row
-- three times (queued, claimed, sent). A claim changes no indexed column, so it can stay in the row's page as a HOT
-- update, with no new index entries, if the page has room: the pages are left half empty for it. (With full pages each
-- claim wrote a new entry in every index, and the claim scans then read those entries again until a vacuum.)
alter table mail_spool set (fillfactor = 50);
alter table mail_outbox set (fillfactor = 50);

-- and they are vacuumed after every 10,000 dead rows rather than at a fifth of the table (a spool keeps 30 days of
-- mail: millions of rows), so the claims' index scans do not wade through a day of dead entries
alter table mail_spool set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 10000,
    autovacuum_analyze_scale_factor = 0.02);
alter table mail_outbox set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 10000,
    autovacuum_analyze_scale_factor = 0.02);
