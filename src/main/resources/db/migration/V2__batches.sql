-- Batches arrive as one message (queue or POST /api/v1/batches) and fan out into jobs. The batch row and all its
-- job rows are inserted in one transaction; ids are derived from the producer's batchId (and each item's
-- externalRef), so a redelivered message maps onto the same rows and inserts nothing new.
CREATE TABLE batches (
    id                uuid        PRIMARY KEY,
    external_batch_id text        NOT NULL UNIQUE,
    message_id        text        UNIQUE,
    source            text        NOT NULL,
    submitter         text        NOT NULL,
    reply_to          text,
    item_count        integer     NOT NULL CHECK (item_count > 0),
    created_at        timestamptz NOT NULL DEFAULT now(),
    completed_at      timestamptz
);

ALTER TABLE jobs ADD COLUMN batch_id uuid REFERENCES batches (id);

CREATE UNIQUE INDEX jobs_batch_external_ref ON jobs (batch_id, external_ref) WHERE batch_id IS NOT NULL;

-- Messages the hub could never process (invalid JSON, schema violations, batches over the limit), kept with the
-- reason so that nothing disappears; served by GET /api/v1/admin/dead-letters.
CREATE TABLE dead_letters (
    id          bigserial   PRIMARY KEY,
    source      text        NOT NULL,
    message_id  text,
    reason      text        NOT NULL,
    description text        NOT NULL,
    payload     text,
    received_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX dead_letters_received ON dead_letters (received_at DESC, id DESC);

-- The recovery sweep looks for batches whose jobs all ended but that were not marked completed (a crash between
-- the last job's completion and the batch's).
CREATE INDEX batches_open ON batches (created_at) WHERE completed_at IS NULL;
