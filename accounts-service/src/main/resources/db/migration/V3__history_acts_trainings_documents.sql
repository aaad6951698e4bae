-- Nothing is deleted: every change of an account is kept with who, when, before and after;
-- bajas and permanence decisions are acts; trainings and support documents (Art. 6 IV, V).

create table account_change (
    id          uuid         primary key,
    account_id  uuid         not null references account (id),
    changed_at  timestamptz  not null,
    changed_by  text         not null,
    change      text         not null,
    before      jsonb,
    after       jsonb
);
create index account_change_account on account_change (account_id, changed_at);

create table account_act (
    id            uuid         primary key,
    account_id    uuid         not null references account (id),
    kind          text         not null check (kind in ('DECOMMISSION', 'PERMANENCE')),
    decided_on    date         not null,
    reason        text         not null,
    observations  text,
    recorded_by   text         not null,
    recorded_at   timestamptz  not null
);
create index account_act_account on account_act (account_id, recorded_at);

create table training (
    id           uuid           primary key,
    held_on      date           not null,
    topic        text           not null,
    hours        numeric(5, 2)  not null check (hours > 0),
    modality     text           not null check (modality in ('PRESENCIAL', 'EN_LINEA', 'MIXTA')),
    recorded_by  text           not null,
    recorded_at  timestamptz    not null
);

create table training_attendee (
    training_id  uuid  not null references training (id),
    person_id    uuid  not null references person (id),
    primary key (training_id, person_id)
);

create table support_document (
    id            uuid         primary key,
    title         text         not null,
    link          text         not null,
    description   text,
    published_on  date         not null,
    recorded_by   text         not null,
    recorded_at   timestamptz  not null
);

-- Search: accent- and case-free text of handle, display name and area, kept by the service.
alter table account add column search_text text not null default '';
create index account_network_status on account (network, status);
create index account_status_handle on account (status, handle, id);
create index account_dormant on account (id) where dormant;
create index account_not_located on account (id) where not_located;
create index area_parent on area (parent_id);
create index area_head_email on area (head_email);
