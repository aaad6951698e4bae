-- Who answers for an account now (AccountInArea): an area head sees the submissions of their area
-- and of every area below it. Rows projected before this version get their values with the
-- account's next registry event; until then they are seen only by CNCS and their administrators.
alter table submitting_account add column area_level text not null default 'CENTRAL';
alter table submitting_account add column head_email text;
alter table submitting_account add column ancestors jsonb not null default '[]';
create index submitting_account_head on submitting_account (head_email);
create index submitting_account_administrators on submitting_account using gin (administrator_emails jsonb_path_ops);
create index submitting_account_ancestors on submitting_account using gin (ancestors jsonb_path_ops);

-- The requests evaluation-service issued (SubmissionRequested), with the deadline as it stands now
-- (SubmissionDeadlineMoved) and whether a submission is still taken for them: OPEN, WITHDRAWN
-- (SubmissionRequestWithdrawn) or CLOSED (the cycle's evaluation of the account completed).
create table statistics_request (
    request_id        uuid         primary key,
    account_id        uuid         not null,
    cycle_id          text,
    kind              text         not null check (kind in ('CYCLE', 'AD_HOC')),
    requested_fields  jsonb        not null default '[]',
    window_opens_at   timestamptz  not null,
    effective_at      timestamptz,
    due_at            timestamptz  not null,
    status            text         not null check (status in ('OPEN', 'WITHDRAWN', 'CLOSED')),
    status_reason     text,
    status_changed_at timestamptz,
    last_sequence     bigint       not null default 0,
    updated_at        timestamptz  not null
);
create index statistics_request_account on statistics_request (account_id, due_at);
create index statistics_request_open_due on statistics_request (due_at, request_id) where status = 'OPEN';
create index statistics_request_cycle on statistics_request (cycle_id, account_id);

-- Observations CNCS issued (ObservationIssued): a correction may answer one of its account's.
create table known_observation (
    observation_id uuid         primary key,
    account_id     uuid         not null,
    cycle_id       text,
    due_at         timestamptz,
    resolved_at    timestamptz
);
create index known_observation_account on known_observation (account_id);

-- One submission per request; each correction adds a version. Versions are never updated or
-- deleted (a trigger refuses it): the record of what was declared, when and by whom.
create table submission (
    id                  uuid         primary key,
    request_id          uuid         not null unique references statistics_request (request_id),
    account_id          uuid         not null,
    cycle_id            text,
    network             text         not null,
    current_version     int          not null,
    first_received_at   timestamptz  not null,
    last_received_at    timestamptz  not null,
    late                boolean      not null,
    has_warnings        boolean      not null
);
create index submission_listed on submission (last_received_at desc, id);
create index submission_account on submission (account_id, cycle_id);
create index submission_cycle on submission (cycle_id, last_received_at desc);

create table submission_version (
    submission_id          uuid         not null references submission (id),
    version                int          not null check (version >= 1),
    received_at            timestamptz  not null,
    entered_at             timestamptz  not null,
    due_at                 timestamptz,
    late                   boolean      not null,
    figures                jsonb        not null,
    audience               jsonb,
    campaigns              jsonb        not null default '[]',
    last_publication_on    date,
    warnings               jsonb        not null default '[]',
    answers_observation_id uuid,
    evidence               jsonb        not null default '[]',
    entered_by             text         not null,
    on_behalf              boolean      not null,
    channel                text,
    document_reference     text,
    primary key (submission_id, version)
);

create function submission_version_is_kept() returns trigger language plpgsql as $$
begin
    raise exception 'submission versions are never changed or deleted';
end;
$$;
create trigger submission_version_kept before update or delete on submission_version
    for each row execute function submission_version_is_kept();

-- Evidence uploaded for a request before the submission or correction that cites it (by SHA-256).
-- The bytes are stored once per SHA-256 (V4, evidence_content).
create table request_evidence (
    request_id   uuid         not null references statistics_request (request_id),
    sha256       text         not null,
    content_type text         not null,
    size_bytes   bigint       not null,
    file_name    text         not null,
    uploaded_by  text         not null,
    uploaded_at  timestamptz  not null,
    primary key (request_id, sha256)
);
