-- The inventory keeps each account's administrators too (accounts without one are reported).
alter table inventory_account add column administrator_emails jsonb not null default '[]';
