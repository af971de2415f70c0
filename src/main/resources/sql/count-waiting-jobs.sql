SELECT count(*) FROM jobs WHERE status = 'QUEUED'
