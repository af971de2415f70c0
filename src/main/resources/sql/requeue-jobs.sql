UPDATE jobs
   SET status = 'QUEUED', enqueued_at = now(), lease_owner = NULL, lease_until = NULL, updated_at = now()
 WHERE id IN (
       SELECT id FROM jobs
        WHERE (status = 'QUEUED' AND available_at <= now()
               AND (enqueued_at IS NULL OR enqueued_at < now() - make_interval(secs => CAST(:#${header.requeueAfterSeconds} AS integer))))
           OR (status = 'RUNNING' AND attempts < max_attempts
               AND (lease_until < now() OR (lease_owner = :#${header.orphanedOwner}
                    AND updated_at < CAST(:#${header.orphanedBefore} AS timestamptz))))
        ORDER BY available_at
        LIMIT CAST(:#${properties:hub.recovery.batch-size} AS integer)
          FOR UPDATE SKIP LOCKED)
RETURNING *
