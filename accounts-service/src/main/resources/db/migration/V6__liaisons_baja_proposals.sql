-- Art. 9: an area may name its person in charge of the topic ("encargado del tema"), copied on the
-- notices to its accounts' administrators. Both or neither (the service refuses half a liaison).
alter table area add column liaison_name text;
alter table area add column liaison_email text;
alter table area add constraint area_liaison_whole
    check ((liaison_name is null) = (liaison_email is null));

-- The acts on an area itself (who, when, before and after); never rewritten.
create table area_change (
    id          uuid         primary key,
    area_id     uuid         not null references area (id),
    changed_at  timestamptz  not null,
    changed_by  text         not null,
    change      text         not null,
    before      jsonb,
    after       jsonb
);
create index area_change_area on area_change (area_id, changed_at, id);

-- The bajas the evaluation proposed (BajaProposed from ine.evaluation.events): a baja act may cite one.
create table baja_proposal (
    id             uuid         primary key,
    account_id     uuid         not null,
    cycle_id       text         not null,
    evaluation_id  uuid,
    grounds        text         not null,
    overall_score  integer,
    proposed_at    timestamptz  not null,
    received_at    timestamptz  not null
);
create index baja_proposal_account on baja_proposal (account_id);

alter table account add column decommission_baja_proposal_id uuid references baja_proposal (id);
alter table account_act add column baja_proposal_id uuid references baja_proposal (id);
-- The words the act cites it with ("Baja propuesta en la evaluación del ciclo …"), as recorded.
alter table account_act add column citation text;
