-- The completion outbox. The UPDATE that completes a batch inserts its event in the same statement
-- (complete-batch.sql), so a completed batch with a replyTo always has its event row; deliver-batch-events sends
-- it. A delivery claims the row atomically (attempts + 1, next_attempt_at pushed forward by a short lease), so two
-- instances never send the same event at once; success sets delivered_at, failure sets last_error and the next
-- attempt (exponential backoff). A NULL next_attempt_at on an undelivered event means the hub gave up on it.
CREATE TABLE batch_events (
    batch_id        uuid        PRIMARY KEY REFERENCES batches (id),
    destination     text        NOT NULL,
    payload         json        NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz DEFAULT now(),
    delivered_at    timestamptz,
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX batch_events_pending ON batch_events (next_attempt_at) WHERE delivered_at IS NULL;
