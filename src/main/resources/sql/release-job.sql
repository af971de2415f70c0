UPDATE jobs
   SET status = CASE WHEN :#${exchangeProperty.failureFinal} THEN 'FAILED' ELSE 'QUEUED' END,
       attempts = attempts - CASE WHEN :#${exchangeProperty.failureCountsAttempt} THEN 0 ELSE 1 END,
       completed_at = CASE WHEN :#${exchangeProperty.failureFinal} THEN now() END,
       available_at = now() + make_interval(secs => :#${exchangeProperty.retryDelaySeconds}),
       enqueued_at = NULL, lease_owner = NULL, lease_until = NULL, updated_at = now(),
       error = :#${exchangeProperty.failureReason}
 WHERE id = CAST(:#${exchangeProperty.jobId} AS uuid) AND status = 'RUNNING'
   AND attempts = :#${exchangeProperty.attempt} AND lease_owner = :#${properties:hub.instance-id}
RETURNING *
