-- Art. 9: the owning area's person in charge of the topic ("encargado del tema"), from the registry's
-- snapshot, and who was really copied (Cc) on each notice: the liaison, on the notices to an
-- account's administrators.
alter table reviewed_account add column liaison_name text;
alter table reviewed_account add column liaison_email text;
alter table notification add column cc jsonb not null default '[]'::jsonb;
