-- The outbox is claimed oldest first (order by next_attempt_at, id). With id in the index the claim reads its batch
-- from the index and stops; without it the database read and sorted every due row for each batch of 100, which under
-- a backlog of a few thousand replies cost 12 ms a claim and fell further behind the longer the queue grew.
drop index mail_outbox_due_idx;
create index mail_outbox_due_idx on mail_outbox (state, next_attempt_at, id);
