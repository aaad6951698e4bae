-- Issue 12: CNCS's rating overrides (kept in history), recommendations (Art. 6 III, Art. 7 II) and
-- proposed bajas (domain.md §5).

-- The rating as completed: `rating` is the rating that stands (the last override, else the formula's),
-- `computed_rating` the formula's (= score.rating, never rewritten), `rating_justification` the last
-- override's justification (null when none).
alter table evaluation_case add column computed_rating text
    check (computed_rating in ('PERTINENT', 'PERTINENT_WITH_RECOMMENDATIONS', 'NOT_PERTINENT'));
alter table evaluation_case add column rating_justification text;

-- Every override CNCS made, before or after completion; never updated, never deleted (a trigger, as for
-- audited_act). The rating that stands is the one of the override with the highest `ordinal`.
create table rating_override (
    id               uuid primary key,
    case_id          uuid        not null references evaluation_case (id),
    ordinal          integer     not null check (ordinal >= 1),
    computed_rating  text        not null,
    previous_rating  text        not null,
    rating           text        not null
        check (rating in ('PERTINENT', 'PERTINENT_WITH_RECOMMENDATIONS', 'NOT_PERTINENT')),
    justification    text        not null check (length(btrim(justification)) >= 20),
    overridden_by    text        not null,
    overridden_at    timestamptz not null,
    after_completion boolean     not null,
    unique (case_id, ordinal),
    check (rating <> previous_rating)
);

create function rating_override_is_kept() returns trigger language plpgsql as $$
begin
    raise exception 'rating overrides are never changed or deleted (%)', tg_op;
end $$;
create trigger rating_override_is_kept before update or delete on rating_override
    for each row execute function rating_override_is_kept();

create table recommendation (
    id                     uuid primary key,
    case_id                uuid        not null references evaluation_case (id),
    account_id             uuid        not null,
    cycle_id               text,
    area_code              text        not null,
    category               text        not null,
    text                   text        not null,
    status                 text        not null check (status in ('PENDING', 'ATTENDED', 'NOT_ATTENDED')),
    made_by                text        not null,
    made_at                timestamptz not null,
    answer                 text,
    non_attendance_reason  text,
    settled_by             text,
    settled_at             timestamptz,
    check ((status = 'PENDING') = (settled_at is null)),
    check ((status = 'PENDING') = (settled_by is null)),
    check ((status = 'ATTENDED') = (answer is not null)),
    check ((status = 'NOT_ATTENDED') = (non_attendance_reason is not null))
);
create index recommendation_case_idx on recommendation (case_id, made_at, id);
create index recommendation_list_idx on recommendation (made_at, id);
create index recommendation_account_idx on recommendation (account_id, cycle_id);

create table baja_proposal (
    id                 uuid primary key,
    case_id            uuid        not null references evaluation_case (id),
    account_id         uuid        not null,
    cycle_id           text,
    area_code          text        not null,
    network            text        not null,
    handle             text        not null,
    grounds            text        not null check (grounds in ('NOT_PERTINENT', 'DORMANT')),
    overall_score      integer,
    status             text        not null check (status in ('PROPOSED', 'DECIDED', 'WITHDRAWN')),
    proposed_at        timestamptz not null,
    decided_on         date,
    decision_reason    text,
    decided_at         timestamptz,
    withdrawn_at       timestamptz,
    withdrawn_by       text,
    withdrawal_reason  text,
    check ((status = 'DECIDED') = (decided_at is not null)),
    check ((status = 'WITHDRAWN') = (withdrawn_at is not null and withdrawn_by is not null))
);
-- At most one proposal standing (proposed or decided) per evaluation; a withdrawn one may be followed by another.
create unique index baja_proposal_standing_idx on baja_proposal (case_id) where status <> 'WITHDRAWN';
create index baja_proposal_list_idx on baja_proposal (proposed_at, id);
create index baja_proposal_account_idx on baja_proposal (account_id, status);
