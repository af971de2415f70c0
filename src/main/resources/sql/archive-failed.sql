-- The blob copies of the job could not be written: the sweep tries again once the row is due.
UPDATE pending_archives SET last_error = :#${exchangeProperty.archiveError}
 WHERE job_id = CAST(:#${exchangeProperty.jobId} AS uuid)
