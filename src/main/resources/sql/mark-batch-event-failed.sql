UPDATE batch_events
   SET last_error = :#${exchangeProperty.eventError},
       next_attempt_at = CASE WHEN CAST(:#${exchangeProperty.eventRetryMs} AS bigint) < 0 THEN NULL
                              ELSE now() + CAST(:#${exchangeProperty.eventRetryMs} AS bigint) * interval '1 millisecond'
                         END
 WHERE batch_id = CAST(:#${exchangeProperty.eventBatchUuid} AS uuid)
   AND attempts = :#${exchangeProperty.eventAttempt} AND delivered_at IS NULL
