-- CNCS completes an evaluation (Art. 13): the score it completed with is recorded as it was, with the
-- whole formula and explanation, so that a later formula never rewrites it; and who completed it.
alter table evaluation_case add column completed_by text;
alter table evaluation_case add column overall_score integer check (overall_score between 0 and 100);
alter table evaluation_case add column rating text
    check (rating in ('PERTINENT', 'PERTINENT_WITH_RECOMMENDATIONS', 'NOT_PERTINENT'));
alter table evaluation_case add column sub_scores jsonb;
alter table evaluation_case add column formula_version text;
alter table evaluation_case add column score jsonb;
-- An open case has no recorded score (its score is provisional, computed when read).
alter table evaluation_case add constraint evaluation_case_scored_check
    check (status = 'COMPLETED' or (completed_by is null and rating is null and score is null));
