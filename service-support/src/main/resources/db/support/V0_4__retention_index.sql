-- Retention (RetentionJob) deletes inbox ids by age in batches; without this index every batch
-- would scan the whole table. Published outbox rows are found through the primary key (oldest
-- first), so the outbox needs none.
create index processed_event_processed_at on processed_event (processed_at);
