-- The rebuilds of the read model (ReadModelRebuild): each run and, per topic, how far its replay got. Kept
-- by a rebuild (it empties every other table of this service but Flyway's history, the dead letters and the
-- outbox), so that an operator can follow one and see why one failed.
create table rebuild_run (
    id            bigserial    primary key,
    state         text         not null check (state in ('RUNNING', 'SUCCEEDED', 'FAILED')),
    requested_by  text         not null,
    requested_at  timestamptz  not null,
    -- When the read model was emptied: from then until the run succeeds the reports are incomplete.
    cleared_at    timestamptz,
    finished_at   timestamptz,
    -- Renewed every few seconds by the instance running it: a RUNNING run without a recent one was
    -- abandoned (its instance stopped) and does not block the next.
    heartbeat_at  timestamptz  not null,
    error         text
);
-- At most one run at a time, whichever instance starts it.
create unique index rebuild_run_single_running on rebuild_run (state) where state = 'RUNNING';

create table rebuild_topic (
    run_id       bigint       not null references rebuild_run (id),
    topic        text         not null,
    -- The end offset of each partition when the replay began ({"0": 1234, ...}): it reads up to there.
    end_offsets  jsonb        not null,
    -- Records between the beginning and the end offsets of every partition.
    records      bigint       not null,
    applied      bigint       not null default 0,
    -- Records that cannot be decoded: the live consumer parked them in dead_letter already.
    undecodable  bigint       not null default 0,
    started_at   timestamptz,
    finished_at  timestamptz,
    primary key (run_id, topic)
);

-- The occurredAt (nanoseconds) of the registry snapshot each inventory row shows. An area's name in the report is
-- the one of its latest snapshot by this instant, not by when the row was written (updated_at): a rebuild writes
-- the rows in another order than live consumption did, and must still name the area the same.
alter table inventory_account add column snapshot_at_nanos bigint;
