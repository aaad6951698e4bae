-- The request as one aggregate (issue 9): its term runs only from a notice that left, the head's
-- term from the head's notice, a chain fired before an on-time submission arrived is withdrawn,
-- and who was told is recorded.

-- The registry as it is now: the areas above an account's own (parent first), for visibility by
-- subtree and for the next head up when an area has none.
alter table reviewed_account add column ancestors jsonb not null default '[]';

alter table submission_request
    -- When the first notice to the administrators left: the term runs from it (null: not yet).
    add column notice_sent_at timestamptz,
    -- The latest deadline told to the administrators: no deadline moves earlier than it (Art. 7 III).
    add column notified_due_at timestamptz,
    -- The latest head's term told to the head.
    add column notified_attend_by timestamptz,
    -- No administrator to notify: the request waits, flagged, and CNCS was alerted.
    add column awaiting_administrator boolean not null default false,
    -- The first instant a submission is accepted (1 July / 1 January, 00:00 Mexico City).
    add column window_opens_at timestamptz,
    -- Art. 12: the due instant CNCS set for an ad hoc request.
    add column requested_due_at timestamptz,
    -- Whom the escalation went to (the area's head, or the next head up), when that notice left.
    add column escalated_to_email text,
    add column escalated_to_area text,
    add column head_notice_sent_at timestamptz,
    -- No head up the tree: the escalation waits, and CNCS was alerted.
    add column awaiting_head boolean not null default false,
    -- An on-time submission arrived after the chain fired: the chain was withdrawn.
    add column chain_withdrawn_at timestamptz,
    add column reported_withdrawn boolean not null default false;

update submission_request set notice_sent_at = effective_at, notified_due_at = due_at where status <> 'OPEN';

-- Who must be told is decided when the notice leaves, from the registry as it is then
-- (audience); recipients then records who really was. A newer notice about a deadline supersedes
-- a queued older one (CANCELLED, with why). A notice with nobody to tell waits (HELD).
-- SENDING is a claim while SMTP is talked to outside any transaction that holds locks.
alter table notification drop constraint notification_status_check;
alter table notification
    add column audience text not null default 'FIXED',
    add column lease_until timestamptz,
    add column follow_up_pending boolean not null default false,
    add column cancelled_reason text,
    add column subject text,
    add column body text,
    add constraint notification_status_check check (status in ('QUEUED', 'SENDING', 'SENT', 'HELD', 'CANCELLED'));
create index notification_follow_up on notification (sent_at) where follow_up_pending;
create index notification_held on notification (account_id) where status = 'HELD';
create index notification_sending on notification (lease_until) where status = 'SENDING';

-- Timers are wake-ups: each handler decides from the aggregate's state under its row lock, so a
-- stale one does nothing. Several pending timers of one kind and subject may exist for a moment
-- (one being fired while its replacement is written), so that scheduling never waits for a sweep.
drop index timer_pending_subject;
create index timer_pending_subject on timer (kind, subject_id) where status = 'PENDING';
alter table timer drop constraint timer_status_check;
alter table timer add constraint timer_status_check check (status in ('PENDING', 'FIRED', 'CANCELLED', 'DEAD'));
create index timer_dead on timer (created_at) where status = 'DEAD';
