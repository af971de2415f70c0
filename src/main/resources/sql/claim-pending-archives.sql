-- The archive sweep's batch: pending archives that are due (their worker's writes failed, or it stopped before they
-- were done), pushed back by the retry interval so that no other sweep takes them meanwhile, with the report and
-- the article to copy. Each take counts in the row's attempts, for operators reading the table (StoreOutageIT).
-- A job stored before V6 has no job_articles row: its article is in the blob store already.
WITH claimed AS (
    UPDATE pending_archives
       SET due_at = now() + make_interval(secs => CAST(:#${properties:hub.archive.retry-after-seconds} AS integer)),
           attempts = attempts + 1
     WHERE job_id IN (
           SELECT job_id FROM pending_archives
            WHERE due_at <= now()
            ORDER BY due_at
            LIMIT CAST(:#${properties:hub.archive.batch-size} AS integer)
              FOR UPDATE SKIP LOCKED)
    RETURNING job_id
)
SELECT CAST(c.job_id AS text) AS job_id, CAST(r.report AS text) AS report, a.article
  FROM claimed c
  JOIN reports r ON r.job_id = c.job_id
  LEFT JOIN job_articles a ON a.job_id = c.job_id
