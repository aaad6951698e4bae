-- The read model of the semi-annual report (domain.md §6), fed only by the events of §7. Every row
-- remembers the envelope sequence of the events that set its changeable columns, so that an older
-- event arriving after a newer one never reverts it (sequences are per aggregate: the account).

-- Who answers for an inventory account now (AccountInArea): an area head reads the slice of their subtree.
alter table inventory_account add column head_email text;
alter table inventory_account add column ancestors jsonb not null default '[]';
alter table inventory_account add column url text;
alter table inventory_account add column decommission_observations text;
create index inventory_account_head on inventory_account (head_email);
create index inventory_account_ancestors on inventory_account using gin (ancestors jsonb_path_ops);

-- The latest occurredAt applied per scope (a cycle id, or 'registry'): the report's "as of". In
-- nanoseconds since the epoch, as the envelope has it (timestamptz would round to microseconds).
create table report_watermark (
    scope              text   primary key,
    occurred_at_nanos  bigint not null
);

create table report_cycle (
    cycle_id       text        primary key,
    period_start   date        not null,
    period_end     date        not null,
    opened_at      timestamptz not null,
    request_count  integer     not null
);

create table report_request (
    request_id     uuid        primary key,
    account_id     uuid        not null,
    cycle_id       text,
    request_kind   text        not null,
    area_code      text        not null,
    due_at         timestamptz,
    overdue        boolean     not null default false,
    withdrawn      boolean     not null default false
);
create index report_request_cycle on report_request (cycle_id, account_id);

-- Each request's latest submission version (a correction replaces the figures).
create table report_submission (
    request_id   uuid        primary key,
    account_id   uuid        not null,
    cycle_id     text,
    network      text        not null,
    version      integer     not null,
    received_at  timestamptz not null,
    late         boolean     not null,
    figures      jsonb       not null,
    audience     jsonb       not null,
    campaigns    jsonb       not null
);
create index report_submission_cycle on report_submission (cycle_id, account_id);

create table report_evaluation (
    evaluation_id    uuid        primary key,
    account_id       uuid        not null,
    cycle_id         text        not null,
    area_code        text        not null,
    overall_score    integer,
    rating           text,
    rating_sequence  bigint      not null default 0,
    computed_rating  text,
    sub_scores       jsonb       not null default '{}',
    formula_version  text,
    late             boolean     not null default false,
    completed_at     timestamptz
);
create index report_evaluation_cycle on report_evaluation (cycle_id, account_id);

create table report_observation (
    observation_id  uuid        primary key,
    account_id      uuid        not null,
    cycle_id        text        not null,
    area_code       text,
    issued_at       timestamptz,
    due_at          timestamptz,
    resolved_at     timestamptz,
    on_time         boolean
);
create index report_observation_cycle on report_observation (cycle_id);

-- One Art. 15 chain per subject (a request or an observation); a withdrawn chain does not count.
create table report_escalation (
    subject_id          uuid        primary key,
    subject_kind        text        not null,
    account_id          uuid        not null,
    cycle_id            text        not null,
    area_code           text        not null,
    escalated_at        timestamptz,
    escalated_sequence  bigint      not null default 0,
    reported_at         timestamptz,
    reported_sequence   bigint      not null default 0,
    withdrawn_at        timestamptz,
    withdrawn_sequence  bigint      not null default 0
);
create index report_escalation_cycle on report_escalation (cycle_id);

create table report_resolution (
    resolution_id  uuid        primary key,
    cycle_id       text        not null,
    subject_kind   text        not null,
    subject_id     uuid,
    account_id     uuid,
    area_code      text,
    resolution     text        not null,
    text           text        not null,
    resolved_on    date        not null
);
create index report_resolution_cycle on report_resolution (cycle_id);

-- Proposed in evaluation-service (BajaProposed), decided in accounts-service (AccountDecommissioned.bajaProposalId).
create table report_baja_proposal (
    proposal_id    uuid        primary key,
    account_id     uuid        not null,
    cycle_id       text,
    grounds        text,
    overall_score  integer,
    proposed_at    timestamptz,
    decided_on     date
);

create table report_recommendation (
    recommendation_id  uuid        primary key,
    evaluation_id      uuid        not null,
    account_id         uuid        not null,
    cycle_id           text        not null,
    category           text        not null,
    text               text,
    status             text        not null,
    status_sequence    bigint      not null default 0,
    answer             text
);
create index report_recommendation_cycle on report_recommendation (cycle_id);

create table report_training (
    training_id  uuid        primary key,
    held_on      date        not null,
    topic        text        not null,
    hours        numeric     not null,
    modality     text        not null,
    attendees    integer     not null
);

create table report_dormancy (
    account_id                uuid        primary key,
    last_publication_on       date,
    days_without_publication  bigint      not null,
    not_located               boolean     not null,
    last_sequence             bigint      not null default 0
);
