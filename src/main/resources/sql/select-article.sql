SELECT article FROM job_articles WHERE job_id = CAST(:#${exchangeProperty.jobId} AS uuid)
