-- Nothing looks spool rows up by dedup_key (duplicates are found by handled_key, which has its own unique index), and
-- every row is written three times (accepted, claimed, finished): each write paid for an entry in this index too.
drop index mail_spool_dedup_idx;
