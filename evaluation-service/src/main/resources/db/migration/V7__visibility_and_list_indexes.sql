-- Indexes for every visibility and list query (api-conventions: lists paged, visibility from the
-- registry as it is now). Before this version the administrator and recipient filters were
-- sequential scans: `administrator_emails @> '["x"]'`, `ancestors @> '[{"headEmail": "x"}]'` and
-- `recipients @> '["x"]'` cannot use a btree, and nothing ordered the lists.
--
-- AccountVisibility writes `account_id in (select account_id from reviewed_account where
-- head_email = :e or ancestors @> … or administrator_emails @> …)`: each branch is one of the first
-- three indexes (a BitmapOr), then the reader's index on its account column. VisibilityIndexTest
-- checks with EXPLAIN that the planner can use them.

-- The projection: who answers for an account now.
create index reviewed_account_head on reviewed_account (head_email);
create index reviewed_account_administrators on reviewed_account using gin (administrator_emails jsonb_path_ops);
create index reviewed_account_ancestors on reviewed_account using gin (ancestors jsonb_path_ops);

-- GET /api/requests: issuedAt descending, then id (also by cycle).
create index submission_request_issued on submission_request (issued_at desc, id);
create index submission_request_cycle_issued on submission_request (cycle_id, issued_at desc, id);
-- GET /api/escalations: escalatedAt descending, then id; a withdrawn chain is not an escalation.
create index submission_request_escalated on submission_request (escalated_at desc, id)
    where escalated_at is not null and chain_withdrawn_at is null;

-- GET /api/notifications: queuedAt descending, then id; by the account's visibility; by recipient.
create index notification_listed on notification (queued_at desc, id);
create index notification_account on notification (account_id, queued_at desc);
create index notification_recipients on notification using gin (recipients jsonb_path_ops);

-- Opening a cycle reads the active accounts in chunks by account id (keyset): one range each.
create index reviewed_account_active_by_id on reviewed_account (account_id) where status = 'ACTIVE';
