-- Ownership: a job or batch belongs to the subject and tenant of the token (REST) or message (queue) that
-- submitted it. Rows from before this migration belong to the 'default' tenant and the 'unknown' subject: only a
-- compliance-admin of the default tenant can read them.
ALTER TABLE jobs ADD COLUMN submitter_subject text NOT NULL DEFAULT 'unknown';
ALTER TABLE jobs ADD COLUMN submitter_tenant  text NOT NULL DEFAULT 'default';
ALTER TABLE jobs ADD COLUMN correlation_id    text;
ALTER TABLE batches ADD COLUMN submitter_tenant text NOT NULL DEFAULT 'default';
ALTER TABLE batches ADD COLUMN correlation_id   text;

-- Idempotency-Key on POST /api/v1/jobs and /api/v1/batches: the same key from the same subject within 24 hours
-- answers with the resource it created; request_sha256 tells a replay from a different request under the same key.
CREATE TABLE idempotency_keys (
    tenant         text        NOT NULL,
    subject        text        NOT NULL,
    kind           text        NOT NULL CHECK (kind IN ('job', 'batch')),
    idem_key       text        NOT NULL,
    request_sha256 char(64)    NOT NULL,
    resource_id    uuid        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant, subject, kind, idem_key)
);

CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
