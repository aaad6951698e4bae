-- Evaluation cases (issue 12, first slice): one per request that received a submission. CNCS's own
-- term (Art. 13: 10 business days) runs from the FIRST receipt; a correction updates the figures
-- but never restarts it. Each version's receipt is kept (evaluation_case_receipt), applied or not.
create table evaluation_case (
    id                     uuid primary key,
    request_id             uuid not null unique,
    account_id             uuid not null,
    cycle_id               text,
    network                text not null,
    area_code              text not null,
    area_level             text not null,
    submission_id          uuid not null,
    latest_version         integer not null check (latest_version >= 1),
    first_received_at      timestamptz not null,
    latest_received_at     timestamptz not null,
    figures                jsonb not null default '{}',
    audience               jsonb,
    campaigns              jsonb not null default '[]',
    warnings               jsonb not null default '[]',
    suggested_observations jsonb not null default '[]',
    status                 text not null check (status in ('OPEN', 'COMPLETED')),
    due_at                 timestamptz not null,
    effective_at           timestamptz not null,
    policy                 text not null,
    calendar_version       bigint not null,
    late                   boolean not null default false,
    term_passed_at         timestamptz,
    completed_at           timestamptz,
    opened_at              timestamptz not null,
    updated_at             timestamptz not null,
    constraint evaluation_case_completed_check check ((status = 'COMPLETED') = (completed_at is not null)),
    constraint evaluation_case_late_check check (late = (term_passed_at is not null))
);

-- The list (dueAt ascending, then id) and the backlog read by status and due.
create index evaluation_case_status_due on evaluation_case (status, due_at, id);
create index evaluation_case_account on evaluation_case (account_id);
create index evaluation_case_cycle on evaluation_case (cycle_id, due_at, id);

create table evaluation_case_receipt (
    case_id       uuid not null references evaluation_case (id),
    version       integer not null,
    submission_id uuid not null,
    received_at   timestamptz not null,
    recorded_at   timestamptz not null,
    -- false: it arrived after a higher version and did not overwrite the case's figures.
    applied       boolean not null,
    primary key (case_id, version)
);
