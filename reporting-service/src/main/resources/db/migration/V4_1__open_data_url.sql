-- The open data list gives each account's address (AccountSnapshot.url). "if not exists": the report's
-- read model (V4) may add the same column; accounts projected before this keep it empty until a rebuild.
alter table inventory_account add column if not exists url text;
create index if not exists inventory_account_public_order on inventory_account (network, handle, account_id);
