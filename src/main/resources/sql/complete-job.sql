WITH done AS (
    UPDATE jobs
       SET status = 'COMPLETED', completed_at = now(), updated_at = now(), lease_owner = NULL, lease_until = NULL,
           error = NULL
     WHERE id = CAST(:#${exchangeProperty.jobId} AS uuid) AND status = 'RUNNING'
       AND attempts = :#${exchangeProperty.attempt} AND lease_owner = :#${properties:hub.instance-id}
    RETURNING *
), saved AS (
    INSERT INTO reports (job_id, score, partial, report)
    SELECT id, CAST(:#${exchangeProperty.reportScore} AS numeric), :#${exchangeProperty.reportPartial},
           CAST(:#${exchangeProperty.reportJson} AS json)
      FROM done
), usage AS (
    INSERT INTO job_usage (job_id, tenant, previous_job_id, llm_calls, prompt_tokens, completion_tokens,
                           reused_calls, reused_prompt_tokens, reused_completion_tokens, searches_called,
                           searches_cached, downloads_called, downloads_cached, llm_eur, smart_search_eur, total_eur,
                           saved_eur, unit_hashes)
    SELECT id, submitter_tenant, CAST(CAST(:#${exchangeProperty.usageRow[previous_job_id]} AS text) AS uuid),
           CAST(:#${exchangeProperty.usageRow[llm_calls]} AS integer),
           CAST(:#${exchangeProperty.usageRow[prompt_tokens]} AS bigint),
           CAST(:#${exchangeProperty.usageRow[completion_tokens]} AS bigint),
           CAST(:#${exchangeProperty.usageRow[reused_calls]} AS integer),
           CAST(:#${exchangeProperty.usageRow[reused_prompt_tokens]} AS bigint),
           CAST(:#${exchangeProperty.usageRow[reused_completion_tokens]} AS bigint),
           CAST(:#${exchangeProperty.usageRow[searches_called]} AS integer),
           CAST(:#${exchangeProperty.usageRow[searches_cached]} AS integer),
           CAST(:#${exchangeProperty.usageRow[downloads_called]} AS integer),
           CAST(:#${exchangeProperty.usageRow[downloads_cached]} AS integer),
           CAST(:#${exchangeProperty.usageRow[llm_eur]} AS numeric),
           CAST(:#${exchangeProperty.usageRow[smart_search_eur]} AS numeric),
           CAST(:#${exchangeProperty.usageRow[total_eur]} AS numeric),
           CAST(:#${exchangeProperty.usageRow[saved_eur]} AS numeric),
           CAST(:#${exchangeProperty.usageRow[unit_hashes]} AS jsonb)
      FROM done
), archive AS (
    -- The worker writes the blob copies right after this commit; the sweep takes over when they are not done by then.
    INSERT INTO pending_archives (job_id, due_at)
    SELECT id, now() + make_interval(secs => CAST(:#${properties:hub.archive.retry-after-seconds} AS integer))
      FROM done
)
SELECT * FROM done
