UPDATE jobs
   SET status = 'FAILED', completed_at = now(), updated_at = now(), lease_owner = NULL, lease_until = NULL,
       error = 'Abandoned after ' || attempts || ' attempts: the worker lease expired each time (crash or timeout).'
 WHERE id IN (
       SELECT id FROM jobs
        WHERE status = 'RUNNING' AND attempts >= max_attempts
          AND (lease_until < now() OR (lease_owner = :#${header.orphanedOwner}
                    AND updated_at < CAST(:#${header.orphanedBefore} AS timestamptz)))
        LIMIT CAST(:#${properties:hub.recovery.batch-size} AS integer)
          FOR UPDATE SKIP LOCKED)
RETURNING *
