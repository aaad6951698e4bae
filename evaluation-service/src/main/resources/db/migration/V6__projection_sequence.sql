-- The envelope sequence of the last registry event applied to each account (RegistryEventsProjection),
-- so that an older event arriving after a newer one is skipped instead of reverting the account.
-- 0 for accounts projected before sequences existed: any sequenced event is newer.
alter table reviewed_account add column last_sequence bigint not null default 0;
