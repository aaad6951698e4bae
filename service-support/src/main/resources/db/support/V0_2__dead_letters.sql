-- Dead letters (service-support): records a consumer could not decode, kept in the service's own
-- database so that an operator can see them (GET /api/operations/dead-letters) and replay them
-- once the cause is fixed. A record is parked here and only then acknowledged.
create table dead_letter (
    id                 bigserial    primary key,
    consumer           text         not null,
    topic              text         not null,
    kafka_partition    integer      not null,
    kafka_offset       bigint       not null,
    record_key         text,
    record_value       text,
    error              text         not null,
    parked_at          timestamptz  not null,
    replayed_at        timestamptz,
    last_replay_error  text,
    -- A record redelivered after a crash between parking and acknowledging is parked once.
    unique (consumer, topic, kafka_partition, kafka_offset)
);
create index dead_letter_unreplayed on dead_letter (id) where replayed_at is null;
