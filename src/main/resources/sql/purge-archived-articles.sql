-- Drops the PostgreSQL copy of the articles of jobs that completed longer ago than the retention and whose blob
-- copies are written (no pending_archives row, ADR 0025), so the archive is their copy now. Articles of queued,
-- running and failed jobs stay, and so do those of completed jobs whose archive is pending. One bounded batch per
-- run; answers how many were dropped.
WITH purged AS (
    DELETE FROM job_articles
     WHERE job_id IN (
           SELECT a.job_id FROM job_articles a JOIN jobs j ON j.id = a.job_id
            WHERE j.status = 'COMPLETED'
              AND j.completed_at < now() - make_interval(secs => CAST(:#${properties:hub.retention.articles.after-seconds} AS integer))
              AND NOT EXISTS (SELECT 1 FROM pending_archives p WHERE p.job_id = a.job_id)
            LIMIT CAST(:#${properties:hub.retention.articles.batch-size} AS integer))
    RETURNING job_id)
SELECT count(*) AS purged FROM purged
