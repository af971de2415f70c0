SELECT b.id
  FROM batches b
 WHERE b.completed_at IS NULL
   -- A batch whose last job changed within the grace period is left to the instance that ended that job: the sweep
   -- is for a crash in between, and it would post the completion with its own delivery destinations.
   AND NOT EXISTS (SELECT 1 FROM jobs j
                    WHERE j.batch_id = b.id
                      AND (j.status IN ('QUEUED', 'RUNNING')
                           OR j.updated_at > now() - make_interval(
                                  secs => CAST(:#${properties:hub.recovery.batch-grace-seconds} AS integer))))
 ORDER BY b.created_at
 LIMIT CAST(:#${properties:hub.recovery.batch-size} AS integer)
