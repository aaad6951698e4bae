-- Every act of the review (issue 12: "who, when, what, on which deadline"), kept for good: written in the
-- transaction of the act itself, never updated, never deleted (the trigger refuses both).
create table audited_act (
    id            uuid primary key,
    occurred_at   timestamptz not null,
    actor         text        not null,
    action        text        not null,
    subject_kind  text        not null,
    subject_id    text        not null,
    account_id    uuid,
    cycle_id      text,
    deadline      timestamptz,
    summary       text        not null,
    details       jsonb       not null default '{}'::jsonb
);
create index audited_act_subject_idx on audited_act (subject_id, occurred_at, id);
create index audited_act_account_idx on audited_act (account_id, occurred_at, id) where account_id is not null;
create index audited_act_time_idx on audited_act (occurred_at, id);

create function audited_act_is_kept() returns trigger language plpgsql as $$
begin
    raise exception 'audited acts are never changed or deleted (%)', tg_op;
end $$;
create trigger audited_act_is_kept before update or delete on audited_act
    for each row execute function audited_act_is_kept();
