SELECT b.*, e.destination AS event_destination, e.attempts AS event_attempts,
       e.next_attempt_at AS event_next_attempt_at, e.delivered_at AS event_delivered_at,
       e.last_error AS event_last_error, e.batch_id IS NOT NULL AS event_exists
  FROM batches b LEFT JOIN batch_events e ON e.batch_id = b.id
 WHERE b.id = CAST(:#${exchangeProperty.batchUuid} AS uuid)
