SELECT id FROM batches WHERE external_batch_id = :#${exchangeProperty.externalBatchId}
