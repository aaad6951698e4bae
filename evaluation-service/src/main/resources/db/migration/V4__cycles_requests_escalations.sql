-- Review cycles (Art. 11), requests to each account (cycle or ad hoc, Art. 12) with their
-- deadlines and the history of those deadlines, and the Art. 15 chain: overdue, escalated to the
-- area head, reported to the Committee.

create table review_cycle (
    id             text         primary key,
    period_start   date         not null,
    period_end     date         not null,
    window_month   text         not null,
    opened_at      timestamptz  not null,
    opened_by      text         not null,
    request_count  integer      not null
);

create table submission_request (
    id                    uuid         primary key,
    kind                  text         not null check (kind in ('CYCLE', 'AD_HOC')),
    cycle_id              text         references review_cycle (id),
    account_id            uuid         not null,
    network               text         not null,
    handle                text         not null,
    area_code             text         not null,
    area_level            text         not null,
    head_email            text,
    administrator_emails  jsonb        not null default '[]',
    requested_fields      jsonb        not null default '[]',
    reason                text,
    issued_at             timestamptz  not null,
    issued_by             text         not null,
    effective_at          timestamptz  not null,
    due_at                timestamptz  not null,
    calendar_version      bigint       not null,
    policy                text         not null,
    status                text         not null check (status in ('OPEN', 'SUBMITTED', 'OVERDUE', 'ESCALATED', 'REPORTED')),
    submitted_at          timestamptz,
    submitted_late        boolean,
    submission_id         uuid,
    escalated_at          timestamptz,
    attend_by             timestamptz,
    reported_at           timestamptz
);
create unique index submission_request_cycle_account on submission_request (cycle_id, account_id) where kind = 'CYCLE';
create index submission_request_account on submission_request (account_id, status);
create index submission_request_status on submission_request (status, due_at);

create table request_deadline_change (
    id                uuid         primary key,
    request_id        uuid         not null references submission_request (id),
    changed_at        timestamptz  not null,
    previous_due_at   timestamptz  not null,
    new_due_at        timestamptz  not null,
    calendar_version  bigint       not null,
    reason            text         not null
);
create index request_deadline_change_request on request_deadline_change (request_id, changed_at);

-- Notifications (e-mail), queued in the caller's transaction and sent in business time.
create table notification (
    id           uuid         primary key,
    kind         text         not null,
    recipients   jsonb        not null,
    subject_id   uuid         not null,
    account_id   uuid,
    "values"     jsonb        not null,
    status       text         not null check (status in ('QUEUED', 'SENT')),
    queued_at    timestamptz  not null,
    not_before   timestamptz  not null,
    sent_at      timestamptz,
    attempts     integer      not null default 0,
    last_error   text
);
create index notification_queued on notification (not_before) where status = 'QUEUED';
create index notification_subject on notification (subject_id, queued_at);
