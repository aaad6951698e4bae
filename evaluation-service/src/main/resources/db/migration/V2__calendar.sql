-- The calendar's data (the rules are code): the Institute's non-working days, each with its
-- source, and electoral-process periods. Every change is one row of calendar_change, whose
-- number is the calendar version that deadlines cite.

create table calendar_change (
    version      bigserial    primary key,
    changed_at   timestamptz  not null,
    changed_by   text         not null,
    description  text         not null
);

create table non_working_day (
    day               date         primary key,
    description       text         not null,
    source_reference  text         not null,
    created_at        timestamptz  not null,
    created_by        text         not null
);

create table electoral_process (
    id                uuid         primary key,
    name              text         not null,
    starts_on         date         not null,
    ends_on           date         not null,
    source_reference  text,
    created_at        timestamptz  not null,
    created_by        text         not null,
    check (ends_on >= starts_on)
);
