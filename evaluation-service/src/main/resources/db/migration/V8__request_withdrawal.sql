-- A request may be withdrawn (issue 11): by CNCS, or by the account's baja. A withdrawn request
-- counts nowhere as pending, takes no submission and runs no timer; who withdrew it, when and why
-- are kept with it, and a WITHDRAWN status always has all three.
alter table submission_request
    add column withdrawn_at timestamptz,
    add column withdrawn_by text,
    add column withdrawal_reason text;

alter table submission_request drop constraint submission_request_status_check;
alter table submission_request add constraint submission_request_status_check
    check (status in ('OPEN', 'SUBMITTED', 'OVERDUE', 'ESCALATED', 'REPORTED', 'WITHDRAWN'));
alter table submission_request add constraint submission_request_withdrawal_check
    check ((status = 'WITHDRAWN') = (withdrawn_at is not null and withdrawn_by is not null and withdrawal_reason is not null));
