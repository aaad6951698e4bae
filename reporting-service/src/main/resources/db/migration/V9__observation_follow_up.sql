-- A follow-up observation (ObservationIssued.followsUpObservationId) closes the one it follows: CNCS found its
-- correction wanting and issued a new observation with its own term; the old one awaits nobody any more.
alter table report_observation add column followed_up_at timestamptz;
