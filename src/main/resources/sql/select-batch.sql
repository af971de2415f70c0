SELECT * FROM batches WHERE id = CAST(:#${exchangeProperty.batchUuid} AS uuid)
