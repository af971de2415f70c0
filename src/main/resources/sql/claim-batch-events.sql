UPDATE batch_events
   SET attempts = attempts + 1,
       next_attempt_at = now() + make_interval(secs => CAST(:#${properties:hub.batch.events.lease-seconds} AS integer))
 WHERE batch_id IN (
        SELECT e.batch_id
          FROM batch_events e
         WHERE e.delivered_at IS NULL AND e.next_attempt_at <= now()
           AND (CAST(:#${exchangeProperty.eventBatch} AS text) = 'all'
                OR CAST(e.batch_id AS text) = CAST(:#${exchangeProperty.eventBatch} AS text))
         ORDER BY e.next_attempt_at
         LIMIT CAST(:#${properties:hub.batch.events.batch-size} AS integer)
           FOR UPDATE SKIP LOCKED)
   AND delivered_at IS NULL AND next_attempt_at <= now()
RETURNING batch_id, destination, CAST(payload AS text) AS payload, attempts
