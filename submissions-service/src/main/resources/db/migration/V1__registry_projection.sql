-- What this service knows of the registry (from accounts-service's events): which accounts may be
-- asked for statistics, on which network (it decides the form), and who may submit for them.
create table submitting_account (
    account_id            uuid         primary key,
    network               text         not null,
    handle                text         not null,
    display_name          text         not null,
    area_code             text         not null,
    administrator_emails  jsonb        not null default '[]',
    status                text         not null,
    updated_at            timestamptz  not null
);
