package hub.batch;

import hub.job.SubmissionReader.CheckedSubmission;

/** One item of a validated batch: its job id, derived from the batch and the item's externalRef, and its checks. */
public record BatchJob(String jobId, CheckedSubmission item) {
}
