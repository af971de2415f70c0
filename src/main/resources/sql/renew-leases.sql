UPDATE jobs
   SET lease_until = now() + make_interval(secs => CAST(:#${properties:hub.worker.lease-seconds} AS integer))
 WHERE id = ANY (CAST(:#${exchangeProperty.runningJobs} AS uuid[]))
   AND status = 'RUNNING'
   AND lease_owner = :#${properties:hub.instance-id}
   AND lease_until > now()
   AND updated_at > now() - make_interval(secs => CAST(:#${properties:hub.worker.max-run-seconds} AS integer))
