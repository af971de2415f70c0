SELECT (SELECT count(*) FROM jobs WHERE status = 'QUEUED') AS queued,
       (SELECT count(*) FROM pending_archives) AS archives_pending
