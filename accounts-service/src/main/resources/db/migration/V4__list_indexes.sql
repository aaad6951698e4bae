-- Lists are ordered by (network, handle, id): an index in that order serves every page without a
-- sort. Free text looks for a fragment anywhere in search_text: trigrams make that an index scan.
-- pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
create extension if not exists pg_trgm;

create index account_list_order on account (network, handle, id);
create index account_area_order on account (area_id, network, handle, id);
create index account_search_text on account using gin (search_text gin_trgm_ops);
