-- What this service knows of the registry (from accounts-service's events): the accounts a review
-- cycle asks, their area and level (peers for scoring), and the head to escalate to (Art. 15).
create table reviewed_account (
    account_id            uuid         primary key,
    network               text         not null,
    handle                text         not null,
    area_code             text         not null,
    area_level            text         not null,
    state                 smallint,
    district              smallint,
    head_email            text,
    administrator_emails  jsonb        not null default '[]',
    status                text         not null,
    last_publication_on   date,
    updated_at            timestamptz  not null
);
create index reviewed_account_active on reviewed_account (status, area_level);
