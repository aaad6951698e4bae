-- The registry: areas (the Institute's structure) and the accounts they run.

create table area (
    id          uuid         primary key,
    code        text         not null unique,
    name        text         not null,
    level       text         not null check (level in ('CENTRAL', 'LOCAL', 'DISTRICT')),
    state       smallint     check (state between 1 and 32),
    district    smallint     check (district between 1 and 300),
    parent_id   uuid         references area (id),
    head_name   text,
    head_email  text,
    created_at  timestamptz  not null
);

create table account (
    id                   uuid         primary key,
    network              text         not null,
    handle               text         not null,
    url                  text         not null,
    display_name         text         not null,
    kind                 text         not null check (kind in ('INSTITUTIONAL', 'PROGRAMME', 'CITIZEN_PROFILE')),
    status               text         not null check (status in ('ACTIVE', 'DECOMMISSIONED')),
    area_id              uuid         not null references area (id),
    registered_on        date         not null,
    last_publication_on  date,
    created_at           timestamptz  not null,
    version              bigint       not null default 0
);

-- (network, normalised handle) is unique among live accounts; a decommissioned handle may return.
create unique index account_live_handle on account (network, handle) where status <> 'DECOMMISSIONED';
create index account_area on account (area_id);
