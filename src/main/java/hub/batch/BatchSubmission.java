package hub.batch;

import hub.job.JobSubmission;
import java.util.List;

/**
 * A batch message, from the queue or {@code POST /api/v1/batches}. Each item has the fields of a job submission;
 * its {@code externalRef} is required and unique within the batch. {@code replyTo} names where the completion
 * event goes (a queue or topic name, or a callback URL).
 */
public record BatchSubmission(String batchId, String submitter, List<JobSubmission> items, String replyTo) {

    public BatchSubmission {
        items = items == null ? List.of() : items;
    }
}
