-- The last sequence number given to each aggregate's events by this service (EventPublisher).
-- A table of its own, not max() over outbox_message: retention prunes published outbox rows, and
-- the numbering must go on from where it was. The upsert that takes the next number locks the
-- aggregate's row until the transaction ends, so two transactions on one aggregate get
-- consecutive numbers in commit order (and their outbox ids in the same order).
-- V0_2 is left to the dead-letter store.
create table aggregate_sequence (
    aggregate_id   text    primary key,
    last_sequence  bigint  not null check (last_sequence > 0)
);
