-- What each completed check cost and what caching saved (the report's cost section in columns, for
-- GET /api/v1/usage), and its article's unit hashes, which the next check of the same article (previousJobId)
-- compares its units with. Written with the report, in the statement that completes the job.
CREATE TABLE job_usage (
    job_id                   uuid          PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
    tenant                   text          NOT NULL,
    completed_at             timestamptz   NOT NULL DEFAULT now(),
    previous_job_id          uuid,
    llm_calls                integer       NOT NULL,
    prompt_tokens            bigint        NOT NULL,
    completion_tokens        bigint        NOT NULL,
    reused_calls             integer       NOT NULL,
    reused_prompt_tokens     bigint        NOT NULL,
    reused_completion_tokens bigint        NOT NULL,
    searches_called          integer       NOT NULL,
    searches_cached          integer       NOT NULL,
    downloads_called         integer       NOT NULL,
    downloads_cached         integer       NOT NULL,
    llm_eur                  numeric(14, 6) NOT NULL,
    smart_search_eur         numeric(14, 6) NOT NULL,
    total_eur                numeric(14, 6) NOT NULL,
    saved_eur                numeric(14, 6) NOT NULL,
    unit_hashes              jsonb         NOT NULL
);

CREATE INDEX job_usage_tenant_completed ON job_usage (tenant, completed_at);
CREATE INDEX job_usage_completed ON job_usage (completed_at);
