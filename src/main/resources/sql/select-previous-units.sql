SELECT u.unit_hashes
  FROM job_usage u
 WHERE u.job_id = CAST(:#${exchangeProperty.previousJobId} AS uuid)
   AND u.tenant = :#${exchangeProperty.jobRow[submitter_tenant]}
