-- Both blob copies of the job are written: nothing is pending for it any more, and its article may be purged.
DELETE FROM pending_archives WHERE job_id = CAST(:#${exchangeProperty.jobId} AS uuid)
