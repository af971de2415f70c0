SELECT b.id
  FROM batches b
 WHERE b.completed_at IS NULL
   AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.batch_id = b.id AND j.status IN ('QUEUED', 'RUNNING'))
 ORDER BY b.created_at
 LIMIT CAST(:#${properties:hub.recovery.batch-size} AS integer)
