-- Observations (Art. 14) and their Art. 15 chain: one row per observation CNCS issues on an
-- evaluation case's submission. The administrators' term runs from the notice that left
-- (notice_sent_at), the head's from the head's notice; a correction (a submission version that
-- answers it) lets CNCS resolve it or follow it up with a new observation.
create table observation (
    id                       uuid primary key,
    evaluation_id            uuid        not null references evaluation_case (id),
    request_id               uuid        not null,
    account_id               uuid        not null,
    cycle_id                 text,
    network                  text        not null,
    handle                   text        not null,
    area_code                text        not null,
    text                     text        not null,
    -- StatisticField wire names, and the values submitted when it was issued.
    fields                   jsonb       not null,
    figures                  jsonb       not null default '{}'::jsonb,
    suggestion_code          text,
    issued_by                text        not null,
    issued_at                timestamptz not null,
    status                   text        not null,
    notice_sent_at           timestamptz,
    effective_at             timestamptz not null,
    due_at                   timestamptz not null,
    notified_due_at          timestamptz,
    calendar_version         bigint      not null,
    policy                   text        not null,
    awaiting_administrator   boolean     not null default false,
    answered_by_submission_id uuid,
    answered_by_version      integer,
    answered_received_at     timestamptz,
    answered_on_time         boolean,
    overdue_at               timestamptz,
    escalated_at             timestamptz,
    head_notice_sent_at      timestamptz,
    attend_by                timestamptz,
    notified_attend_by       timestamptz,
    escalated_to_email       text,
    escalated_to_area        text,
    awaiting_head            boolean     not null default false,
    reported_at              timestamptz,
    chain_withdrawn_at       timestamptz,
    reported_withdrawn       boolean     not null default false,
    follows_up_id            uuid references observation (id),
    followed_up_by_id        uuid references observation (id),
    resolved_by              text,
    resolved_at              timestamptz,
    resolution_note          text,
    updated_at               timestamptz not null,
    constraint observation_status_check
        check (status in ('ISSUED', 'ANSWERED', 'RESOLVED', 'FOLLOWED_UP', 'OVERDUE', 'ESCALATED', 'REPORTED')),
    constraint observation_fields_not_empty check (jsonb_typeof(fields) = 'array' and jsonb_array_length(fields) > 0),
    -- Answered, resolved and followed up are exactly the observations a correction answered.
    constraint observation_answer_check check ((status in ('ANSWERED', 'RESOLVED', 'FOLLOWED_UP'))
        = (answered_by_version is not null and answered_received_at is not null and answered_on_time is not null
           and answered_by_submission_id is not null)),
    constraint observation_resolved_check
        check ((status = 'RESOLVED') = (resolved_at is not null and resolved_by is not null)),
    constraint observation_followed_up_check check ((status = 'FOLLOWED_UP') = (followed_up_by_id is not null)),
    -- The chain fires only on a term that ran, i.e. from a notice that left.
    constraint observation_chain_needs_notice check (overdue_at is null or notice_sent_at is not null),
    constraint observation_escalated_check check (status not in ('OVERDUE', 'ESCALATED', 'REPORTED') or overdue_at is not null),
    constraint observation_escalation_check check (status not in ('ESCALATED', 'REPORTED') or escalated_at is not null),
    constraint observation_reported_check check ((status = 'REPORTED') <= (reported_at is not null)),
    constraint observation_head_term_check check (head_notice_sent_at is null or (attend_by is not null and escalated_at is not null)),
    constraint observation_withdrawn_check check (chain_withdrawn_at is null or (escalated_at is not null and answered_on_time)),
    constraint observation_not_its_own_follow_up check (follows_up_id is null or follows_up_id <> id)
);
create index observation_evaluation on observation (evaluation_id, issued_at, id);
create index observation_account on observation (account_id, issued_at desc, id);
create index observation_open on observation (status) where status in ('ISSUED', 'ESCALATED');
create unique index observation_one_follow_up on observation (follows_up_id) where follows_up_id is not null;

-- Every move of an observation's deadline, as request_deadline_change keeps a request's.
create table observation_deadline_change (
    id               uuid primary key,
    observation_id   uuid        not null references observation (id),
    changed_at       timestamptz not null,
    previous_due_at  timestamptz not null,
    new_due_at       timestamptz not null,
    calendar_version bigint      not null,
    reason           text        not null,
    notified         boolean     not null
);
create index observation_deadline_change_of on observation_deadline_change (observation_id, changed_at, id);
