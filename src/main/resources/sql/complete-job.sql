WITH done AS (
    UPDATE jobs
       SET status = 'COMPLETED', completed_at = now(), updated_at = now(), lease_owner = NULL, lease_until = NULL,
           error = NULL
     WHERE id = CAST(:#${exchangeProperty.jobId} AS uuid) AND status = 'RUNNING'
       AND attempts = :#${exchangeProperty.attempt} AND lease_owner = :#${properties:hub.instance-id}
    RETURNING *
), saved AS (
    INSERT INTO reports (job_id, score, partial, report)
    SELECT id, CAST(:#${exchangeProperty.reportScore} AS numeric), :#${exchangeProperty.reportPartial},
           CAST(:#${exchangeProperty.reportJson} AS json)
      FROM done
)
SELECT * FROM done
