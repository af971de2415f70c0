package hub.batch;

import hub.article.Article;
import hub.job.JobSubmission;
import hub.job.JobSubmission.Options;

/**
 * A single-article queue message: the fields of {@code POST /api/v1/jobs} plus the producer's {@code externalRef},
 * the {@code submitter}, an optional {@code tenant} and an optional {@code replyTo} for its completion event. The hub
 * stores it as a batch of one.
 */
public record ArticleMessage(Article article, String guidelineSet, Options options, String externalRef,
                             String submitter, String tenant, String replyTo) {

    public JobSubmission submission() {
        return new JobSubmission(article, guidelineSet, options, externalRef);
    }
}
