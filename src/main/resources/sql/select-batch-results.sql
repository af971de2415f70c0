SELECT j.id, j.external_ref, j.status, j.error, r.report
  FROM jobs j
  LEFT JOIN reports r ON r.job_id = j.id
 WHERE j.batch_id = CAST(:#${exchangeProperty.batchUuid} AS uuid)
 ORDER BY j.external_ref
 LIMIT CAST(:#${exchangeProperty.pageSize} AS integer) OFFSET CAST(:#${exchangeProperty.pageOffset} AS bigint)
