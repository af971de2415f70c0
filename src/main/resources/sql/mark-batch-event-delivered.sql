UPDATE batch_events
   SET delivered_at = now(), next_attempt_at = NULL, last_error = NULL
 WHERE batch_id = CAST(:#${exchangeProperty.eventBatchUuid} AS uuid)
   AND attempts = :#${exchangeProperty.eventAttempt} AND delivered_at IS NULL
