-- The article of a job is stored with its job row, in the same statement and commit: a submission is one durable
-- write. The worker archives a copy to the blob store's articles container with the report (ADR 0011).
CREATE TABLE job_articles (
    job_id  uuid PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
    article text NOT NULL
);

-- Jobs stored before this migration have their article only in the blob store; the worker falls back to it.
