-- Shared by every service (service-support). Versions 0.x are reserved for this library;
-- each service's own migrations start at V1.

-- Transactional outbox: an event row is written in the same transaction as the state change and
-- published by the relay afterwards. Published rows are kept as the service's event journal.
create table outbox_message (
    id            bigserial    primary key,
    event_id      uuid         not null unique,
    topic         text         not null,
    message_key   text         not null,
    event_type    text         not null,
    envelope      text         not null,
    created_at    timestamptz  not null,
    published_at  timestamptz
);
create index outbox_message_unpublished on outbox_message (id) where published_at is null;

-- Inbox: the events a consumer has applied, recorded in the same transaction as the effect.
create table processed_event (
    event_id      uuid         not null,
    consumer      text         not null,
    event_type    text         not null,
    processed_at  timestamptz  not null,
    primary key (event_id, consumer)
);
