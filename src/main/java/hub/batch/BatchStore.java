package hub.batch;

import hub.correlation.CorrelationIds;
import hub.metrics.JobMetrics;
import java.util.List;
import org.apache.camel.Exchange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores a batch: the batch row and all its job rows with their articles in one PostgreSQL transaction, the commit
 * point of a batch.
 * Every insert is {@code ON CONFLICT DO NOTHING} on deterministic ids, so the same message (same message id or same
 * batchId) stored twice inserts nothing the second time.
 */
@Component("batchStore")
public class BatchStore {

    private static final String INSERT_BATCH = """
            INSERT INTO batches (id, external_batch_id, message_id, source, submitter, submitter_tenant, reply_to,
                                 item_count, correlation_id)
            VALUES (CAST(? AS uuid), ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""";
    private static final String INSERT_JOB = """
            INSERT INTO jobs (id, batch_id, status, source, external_ref, guideline_set_id, guideline_set_version,
                              article_sha256, text_length, options, max_attempts, enqueued_at, submitter_subject,
                              submitter_tenant, correlation_id)
            VALUES (CAST(? AS uuid), CAST(? AS uuid), 'QUEUED', 'batch', ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, now(), ?, ?,
                    ?)
            ON CONFLICT DO NOTHING""";
    private static final String INSERT_ARTICLE = """
            INSERT INTO job_articles (job_id, article) VALUES (CAST(? AS uuid), ?) ON CONFLICT DO NOTHING""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final int maxAttempts;
    private final JobMetrics metrics;

    public BatchStore(JdbcTemplate jdbc, TransactionTemplate transaction,
                      @Value("${hub.worker.max-attempts}") int maxAttempts, JobMetrics metrics) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.maxAttempts = maxAttempts;
        this.metrics = metrics;
    }

    /** True when the batch (by id or by message id) is already stored: its message is a duplicate. */
    public boolean known(ValidatedBatch batch) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM batches WHERE id = CAST(? AS uuid) OR message_id = ?)",
                Boolean.class, batch.id(), batch.messageId()));
    }

    /**
     * Inserts the batch and its jobs in one transaction; false (and nothing inserted) when it already existed.
     * {@code correlationId} (may be null) is stored on the batch and on every job.
     */
    public boolean insert(ValidatedBatch batch, String correlationId) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            int inserted = jdbc.update(INSERT_BATCH, batch.id(), batch.batchId(), batch.messageId(), batch.source(),
                    batch.submitter(), batch.tenant(), batch.replyTo(), batch.jobs().size(), correlationId);
            if (inserted == 0) {
                return false;
            }
            List<Object[]> rows = batch.jobs().stream().map(job -> new Object[] {
                job.jobId(), batch.id(), job.item().externalRef(), job.item().guidelineSetId(),
                job.item().guidelineSetVersion(), job.item().articleSha256(), job.item().textLength(),
                job.item().optionsJson(), maxAttempts, batch.submitter(), batch.tenant(), correlationId}).toList();
            jdbc.batchUpdate(INSERT_JOB, rows);
            jdbc.batchUpdate(INSERT_ARTICLE, batch.jobs().stream()
                    .map(job -> new Object[] {job.jobId(), job.item().articleJson()}).toList());
            return true;
        }));
    }

    /** Route step: sets the property {@code batchCreated}; counts the new jobs as submitted by the batch's source. */
    public void store(Exchange exchange) {
        ValidatedBatch batch = exchange.getProperty("batch", ValidatedBatch.class);
        boolean created = insert(batch, exchange.getProperty(CorrelationIds.PROPERTY, String.class));
        if (created) {
            metrics.submitted(batch.source(), batch.jobs().size());
        }
        exchange.setProperty("batchCreated", created);
    }
}
