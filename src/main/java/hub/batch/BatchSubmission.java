package hub.batch;

import hub.job.JobSubmission;
import java.util.List;

/**
 * A batch message, from the queue or {@code POST /api/v1/batches}. Each item has the fields of a job submission;
 * its {@code externalRef} is required and unique within the batch. {@code replyTo} names where the completion
 * event goes (a queue or topic name, or a callback URL). {@code submitter} and {@code tenant} own the batch and its
 * jobs: on the queue they come from the message (tenant {@code hub.security.default-tenant} when absent); over REST
 * from the bearer token, and the body may only repeat them.
 */
public record BatchSubmission(String batchId, String submitter, String tenant, List<JobSubmission> items,
                              String replyTo) {

    public BatchSubmission {
        items = items == null ? List.of() : items;
    }
}
