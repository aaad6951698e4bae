-- An uploaded file's record (V3, request_evidence) points at its stored bytes (V4, evidence_content):
-- the two are written in one transaction, and no record may outlive or precede its content.
alter table request_evidence add constraint request_evidence_content
    foreign key (sha256) references evidence_content (sha256);
