UPDATE jobs
   SET status = 'RUNNING', attempts = attempts + 1, lease_owner = :#${properties:hub.instance-id},
       lease_until = now() + make_interval(secs => CAST(:#${properties:hub.worker.lease-seconds} AS integer)),
       started_at = COALESCE(started_at, now()), updated_at = now()
 WHERE id = CAST(:#${exchangeProperty.jobId} AS uuid) AND status = 'QUEUED' AND attempts < max_attempts
   AND available_at <= now()
RETURNING *
