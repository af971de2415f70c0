-- The blob store's copies of a completed job (its report and its article) are written after the job completed, not
-- before (ADR 0025): the statement that completes a job adds its row here, the worker's archive writes delete it, and
-- the archive sweep retries a row whose writes failed or whose instance stopped. Its article stays in job_articles
-- while the row exists. Jobs completed before this migration were archived before they completed.
CREATE TABLE pending_archives (
    job_id     uuid        PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
    due_at     timestamptz NOT NULL,
    attempts   integer     NOT NULL DEFAULT 0,
    last_error text
);

CREATE INDEX pending_archives_due ON pending_archives (due_at);
