-- The job row, its article and, when the request carried a new Idempotency-Key, its key row: one statement, one commit.
WITH job AS (
INSERT INTO jobs (id, status, source, external_ref, guideline_set_id, guideline_set_version, article_sha256,
                  text_length, options, max_attempts, enqueued_at, submitter_subject, submitter_tenant,
                  correlation_id)
VALUES (CAST(:#${exchangeProperty.jobId} AS uuid), 'QUEUED', :#${exchangeProperty.source},
        :#${exchangeProperty.externalRef}, :#${exchangeProperty.guidelineSetId},
        :#${exchangeProperty.guidelineSetVersion}, :#${exchangeProperty.articleSha256},
        :#${exchangeProperty.textLength}, CAST(:#${exchangeProperty.optionsJson} AS jsonb), CAST(:#${properties:hub.worker.max-attempts} AS integer),
        now(), :#${exchangeProperty.callerSubject}, :#${exchangeProperty.callerTenant},
        :#${exchangeProperty.correlationId})
RETURNING *
), article AS (
INSERT INTO job_articles (job_id, article)
SELECT id, CAST(:#${exchangeProperty.articleJson} AS text) FROM job
), idempotency AS (
INSERT INTO idempotency_keys (tenant, subject, kind, idem_key, request_sha256, resource_id)
SELECT submitter_tenant, submitter_subject, 'job', CAST(:#${exchangeProperty.idempotencyKey} AS text),
       :#${exchangeProperty.requestSha256}, id
  FROM job
 WHERE CAST(:#${exchangeProperty.idempotencyKey} AS text) IS NOT NULL
)
SELECT * FROM job
