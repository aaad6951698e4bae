-- Durable timers: a deadline's consequences (overdue, escalation, report to the Committee,
-- reminders) wait here, survive restarts and fire once, whatever the number of instances.

create table timer (
    id               uuid         primary key,
    kind             text         not null,
    subject_id       uuid         not null,
    due_at           timestamptz  not null,
    status           text         not null check (status in ('PENDING', 'FIRED', 'CANCELLED')),
    attempts         integer      not null default 0,
    last_error       text,
    next_attempt_at  timestamptz,
    fired_at         timestamptz,
    created_at       timestamptz  not null
);
-- One pending timer per subject and kind: scheduling again moves it.
create unique index timer_pending_subject on timer (kind, subject_id) where status = 'PENDING';
-- What the sweep reads: pending timers by the time they may fire.
create index timer_pending_due on timer (coalesce(next_attempt_at, due_at)) where status = 'PENDING';
