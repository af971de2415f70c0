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
