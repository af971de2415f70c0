SELECT id, status, submitter_subject, submitter_tenant FROM jobs WHERE id = CAST(:#${exchangeProperty.previousJobId} AS uuid)
