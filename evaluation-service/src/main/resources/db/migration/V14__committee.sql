-- The Committee (Art. 4, Art. 8; issue 12): its non-compliance items, its resolutions, and ad hoc
-- requests CNCS makes on its behalf.

-- A non-compliance item: something reported to the Committee (a request whose head's term ended
-- unattended, or an observation), registered in the transaction that reported it. One per subject.
-- What was not attended and the dates of its chain are kept as they were when it was reported.
create table committee_item (
    id               uuid primary key,
    subject_kind     text        not null check (subject_kind in ('REQUEST', 'OBSERVATION')),
    subject_id       uuid        not null unique,
    account_id       uuid        not null,
    cycle_id         text,
    area_code        text        not null,
    reported_at      timestamptz not null,
    -- OPEN: no resolution yet; RESOLVED: the Committee recorded at least one; WITHDRAWN: its chain was
    -- withdrawn (a submission on time reached this service late) and it no longer counts.
    status           text        not null check (status in ('OPEN', 'RESOLVED', 'WITHDRAWN')),
    unattended       text        not null,
    due_at           timestamptz,
    escalated_at     timestamptz,
    escalated_to     text,
    head_notified_at timestamptz,
    attend_by        timestamptz,
    withdrawn_at     timestamptz,
    check ((status = 'WITHDRAWN') = (withdrawn_at is not null))
);
create index committee_item_list_idx on committee_item (reported_at, id);
create index committee_item_cycle_idx on committee_item (cycle_id, reported_at, id);
create index committee_item_account_idx on committee_item (account_id);

-- A resolution of the Committee on a cycle's report or on one of its items (received, agreed,
-- instructed), with its text and the session's date. Kept for good, like the audit trail.
create table committee_resolution (
    id           uuid primary key,
    cycle_id     text        not null references review_cycle (id),
    subject_kind text        not null check (subject_kind in ('REPORT', 'NON_COMPLIANCE_ITEM')),
    subject_id   uuid,
    item_id      uuid references committee_item (id),
    account_id   uuid,
    area_code    text,
    resolution   text        not null check (resolution in ('RECEIVED', 'AGREED', 'INSTRUCTED')),
    text         text        not null,
    resolved_on  date        not null,
    recorded_by  text        not null,
    recorded_at  timestamptz not null,
    check ((subject_kind = 'REPORT') = (subject_id is null)),
    check ((subject_kind = 'REPORT') = (item_id is null))
);
create index committee_resolution_list_idx on committee_resolution (resolved_on, recorded_at, id);
create index committee_resolution_item_idx on committee_resolution (item_id) where item_id is not null;
create index committee_resolution_subject_idx on committee_resolution (subject_id) where subject_id is not null;
create index committee_resolution_account_idx on committee_resolution (account_id) where account_id is not null;

create function committee_resolution_is_kept() returns trigger language plpgsql as $$
begin
    raise exception 'Committee resolutions are never changed or deleted (%)', tg_op;
end $$;
create trigger committee_resolution_is_kept before update or delete on committee_resolution
    for each row execute function committee_resolution_is_kept();

-- Art. 8 II: an ad hoc request CNCS makes on the Committee's behalf cites the resolution that asked for it.
alter table submission_request add column committee_resolution_id uuid references committee_resolution (id);

-- Every audit filter reads in the list's order.
create index audited_act_cycle_idx on audited_act (cycle_id, occurred_at, id) where cycle_id is not null;
create index audited_act_actor_idx on audited_act (actor, occurred_at, id);
