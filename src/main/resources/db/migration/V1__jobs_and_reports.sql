-- Jobs are the source of truth for all work the hub accepted. A job is QUEUED until a worker claims it with a
-- lease (RUNNING); a lease that expires puts it back in the queue, and max_attempts bounds how often.
CREATE TABLE jobs (
    id                    uuid        PRIMARY KEY,
    status                text        NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    source                text        NOT NULL,
    external_ref          text,
    guideline_set_id      text        NOT NULL,
    guideline_set_version text        NOT NULL,
    article_sha256        char(64)    NOT NULL,
    text_length           integer     NOT NULL,
    options               jsonb       NOT NULL DEFAULT '{}'::jsonb,
    attempts              integer     NOT NULL DEFAULT 0,
    max_attempts          integer     NOT NULL,
    lease_owner           text,
    lease_until           timestamptz,
    available_at          timestamptz NOT NULL DEFAULT now(),
    enqueued_at           timestamptz,
    created_at            timestamptz NOT NULL DEFAULT now(),
    started_at            timestamptz,
    completed_at          timestamptz,
    updated_at            timestamptz NOT NULL DEFAULT now(),
    error                 text
);

CREATE INDEX jobs_pending ON jobs (available_at) WHERE status IN ('QUEUED', 'RUNNING');

CREATE TABLE reports (
    job_id     uuid          PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
    score      numeric(5, 1),
    partial    boolean       NOT NULL,
    report     json          NOT NULL,
    created_at timestamptz   NOT NULL DEFAULT now()
);
