WITH done AS (
    UPDATE batches b
       SET completed_at = now()
     WHERE b.id = CAST(:#${exchangeProperty.batchUuid} AS uuid)
       AND b.completed_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.batch_id = b.id AND j.status IN ('QUEUED', 'RUNNING'))
    RETURNING *
), counts AS (
    SELECT count(*) FILTER (WHERE j.status = 'COMPLETED') AS completed,
           count(*) FILTER (WHERE j.status = 'FAILED') AS failed
      FROM jobs j
     WHERE j.batch_id = CAST(:#${exchangeProperty.batchUuid} AS uuid)
), event AS (
    INSERT INTO batch_events (batch_id, destination, payload)
    SELECT d.id, d.reply_to,
           json_build_object(
               'type', 'batch.completed',
               'id', CAST(d.id AS text),
               'batchId', d.external_batch_id,
               'submitter', d.submitter,
               'items', d.item_count,
               'counts', json_build_object('QUEUED', 0, 'RUNNING', 0, 'COMPLETED', c.completed, 'FAILED', c.failed),
               'completedAt', to_char(d.completed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
               'links', json_build_object('self', '/api/v1/batches/' || d.id,
                                          'results', '/api/v1/batches/' || d.id || '/results'))
      FROM done d CROSS JOIN counts c
     WHERE d.reply_to IS NOT NULL
    RETURNING batch_id
)
SELECT d.*, c.completed, c.failed, (SELECT count(*) FROM event) AS events FROM done d CROSS JOIN counts c
