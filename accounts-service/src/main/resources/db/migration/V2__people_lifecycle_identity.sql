-- People and who administers what; lifecycle, identity and dormancy columns of the account.
-- Later migrations of this service: V3 history, acts, trainings and documents; V4 search indexes.

alter table area add column updated_at timestamptz;

alter table account add column platform_account_id         text;
alter table account add column decommissioned_on           date;
alter table account add column decommission_reason         text;
alter table account add column decommission_observations   text;
alter table account add column dormant                     boolean      not null default false;
alter table account add column dormant_flagged_on          date;
alter table account add column not_located                 boolean      not null default false;
alter table account add column possible_hijack             boolean      not null default false;
alter table account add column updated_at                  timestamptz;

alter table account add constraint account_baja_complete
    check (status <> 'DECOMMISSIONED' or (decommissioned_on is not null and decommission_reason is not null));

-- The platform's persistent id names one live account per network.
create unique index account_live_platform_id on account (network, platform_account_id)
    where platform_account_id is not null and status <> 'DECOMMISSIONED';

create table person (
    id          uuid         primary key,
    name        text         not null,
    email       text         not null,
    area_id     uuid         references area (id),
    created_at  timestamptz  not null
);
-- E-mails are stored lower case; one person per e-mail.
create unique index person_email on person (email);

-- An assignment is never deleted: unassigning closes it.
create table account_administrator (
    id             uuid         primary key,
    account_id     uuid         not null references account (id),
    person_id      uuid         not null references person (id),
    assigned_at    timestamptz  not null,
    assigned_by    text         not null,
    unassigned_at  timestamptz,
    unassigned_by  text
);
create unique index account_administrator_active on account_administrator (account_id, person_id)
    where unassigned_at is null;
create index account_administrator_person on account_administrator (person_id) where unassigned_at is null;
