SELECT id, external_ref, status
  FROM jobs
 WHERE batch_id = CAST(:#${exchangeProperty.batchUuid} AS uuid)
 ORDER BY external_ref
 LIMIT CAST(:#${exchangeProperty.pageSize} AS integer) OFFSET CAST(:#${exchangeProperty.pageOffset} AS bigint)
