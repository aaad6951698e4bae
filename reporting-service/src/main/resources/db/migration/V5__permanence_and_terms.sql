-- Permanence decisions (seed 001, "Permanencia de cuentas / Observaciones"), from PermanenceRecorded.
create table report_permanence (
    act_id        uuid primary key,
    account_id    uuid not null,
    decided_on    date not null,
    reason        text not null,
    observations  text
);
create index report_permanence_decided on report_permanence (decided_on);

-- CNCS's own term for each evaluation (Art. 13: 10 business days from the first receipt), from
-- EvaluationOpened and EvaluationTermMoved; the operations dashboard measures the backlog against it.
alter table report_evaluation add column network text;
alter table report_evaluation add column area_level text;
alter table report_evaluation add column first_received_at timestamptz;
alter table report_evaluation add column due_at timestamptz;
alter table report_evaluation add column due_sequence bigint not null default 0;

-- A correction answered the observation (SubmissionReceived.answersObservationId): it awaits CNCS.
alter table report_observation add column answered_at timestamptz;
