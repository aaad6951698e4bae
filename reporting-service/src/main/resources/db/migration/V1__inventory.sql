-- The account inventory as the reports need it (from accounts-service's events): by level,
-- network, area and status, with the dates accounts entered and left the registry.
create table inventory_account (
    account_id         uuid         primary key,
    network            text         not null,
    handle             text         not null,
    display_name       text         not null,
    kind               text         not null,
    area_code          text         not null,
    area_name          text         not null,
    area_level         text         not null,
    state              smallint,
    status             text         not null,
    registered_on      date         not null,
    decommissioned_on  date,
    decommission_reason text,
    updated_at         timestamptz  not null
);
create index inventory_account_breakdown on inventory_account (area_level, network, status);
