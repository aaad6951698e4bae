-- Evidence files of submissions (issue 11, domain.md §4): the screenshots and PDFs administrators
-- attach, kept in this service's own database so that they are as durable as the submissions that
-- cite them and are backed up and restored with them (no second store to keep in step).

-- One row per distinct content, keyed by its SHA-256: a file uploaded twice, or attached to several
-- versions of a submission, is stored once. Submissions refer to evidence by this hash, which is
-- also what SubmissionReceived carries. The type is the one recognised from the content, never the
-- name or the declared type of the upload. The chunk size used is kept so that changing the
-- configured size later does not affect reading what is already stored.
create table evidence_content (
    sha256       char(64)    primary key check (sha256 ~ '^[0-9a-f]{64}$'),
    content_type text        not null check (content_type in ('image/png', 'image/jpeg', 'application/pdf')),
    size_bytes   bigint      not null check (size_bytes > 0),
    chunk_size   integer     not null check (chunk_size > 0),
    chunk_count  integer     not null check (chunk_count > 0),
    stored_at    timestamptz not null
);

-- The bytes, in pieces of chunk_size (the last one shorter): a bytea value is always read whole by
-- the driver, so one row per chunk is what lets uploads and downloads stream through a bounded
-- buffer. (Large objects would stream too, but live outside the rows: deleting or restoring a row
-- would not take them along.)
create table evidence_chunk (
    sha256 char(64) not null references evidence_content (sha256),
    seq    integer  not null check (seq >= 0),
    bytes  bytea    not null,
    primary key (sha256, seq)
);

-- PNG, JPEG and PDF content is compressed already: storing it out of line without compression
-- saves PostgreSQL a pointless compression attempt on every chunk.
alter table evidence_chunk alter column bytes set storage external;
