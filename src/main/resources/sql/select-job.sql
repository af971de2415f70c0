SELECT * FROM jobs WHERE id = CAST(:#${exchangeProperty.jobId} AS uuid)
