SELECT status, count(*) AS jobs FROM jobs WHERE batch_id = CAST(:#${exchangeProperty.batchUuid} AS uuid) GROUP BY status
