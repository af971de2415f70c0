-- Drops the PostgreSQL copy of the articles of jobs that completed longer ago than the retention: the worker
-- archived each to the blob store before it completed the job (process-job), so the archive is their copy now.
-- Articles of queued, running and failed jobs stay. One bounded batch per run; answers how many were dropped.
WITH purged AS (
    DELETE FROM job_articles
     WHERE job_id IN (
           SELECT a.job_id FROM job_articles a JOIN jobs j ON j.id = a.job_id
            WHERE j.status = 'COMPLETED'
              AND j.completed_at < now() - make_interval(secs => CAST(:#${properties:hub.retention.articles.after-seconds} AS integer))
            LIMIT CAST(:#${properties:hub.retention.articles.batch-size} AS integer))
    RETURNING job_id)
SELECT count(*) AS purged FROM purged
