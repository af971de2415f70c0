UPDATE batches b
   SET completed_at = now()
 WHERE b.id = CAST(:#${exchangeProperty.batchUuid} AS uuid)
   AND b.completed_at IS NULL
   AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.batch_id = b.id AND j.status IN ('QUEUED', 'RUNNING'))
RETURNING *
