SELECT j.id, j.status, j.error, j.submitter_subject, j.submitter_tenant, j.updated_at, CAST(r.report AS text) AS report
  FROM jobs j LEFT JOIN reports r ON r.job_id = j.id
 WHERE j.id = CAST(:#${exchangeProperty.jobId} AS uuid)
