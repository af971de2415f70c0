package hub.batch;

import java.util.List;

/**
 * A batch that passed every check. {@code id} and every job id are derived from the producer's {@code batchId}, so
 * a redelivered message maps onto the same rows.
 */
public record ValidatedBatch(String id, String batchId, String messageId, String source, String submitter,
                             String tenant, String replyTo, List<BatchJob> jobs) {

    public List<String> jobIds() {
        return jobs.stream().map(BatchJob::jobId).toList();
    }
}
