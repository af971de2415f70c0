package hub.job;

import hub.article.Article;
import java.util.List;

/**
 * The body of {@code POST /api/v1/jobs}. {@code guidelineSet} is null when the submission names none (the hub then
 * chooses one by the article's language, {@link hub.language.SetsByLanguage}). {@code previousJobId} names the caller's earlier check of the same article
 * (a re-submission after an edit); only the REST endpoint accepts it.
 */
public record JobSubmission(Article article, String guidelineSet, Options options, String externalRef,
        String previousJobId) {

    public JobSubmission {
        guidelineSet = guidelineSet == null || guidelineSet.isBlank() ? null : guidelineSet.trim();
        options = options == null ? new Options(false, List.of()) : options;
    }

    public JobSubmission(Article article, String guidelineSet, Options options, String externalRef) {
        this(article, guidelineSet, options, externalRef, null);
    }

    /** This submission without its previous job, which only {@code POST /api/v1/jobs} resolves. */
    public JobSubmission withoutPreviousJob() {
        return new JobSubmission(article, guidelineSet, options, externalRef, null);
    }

    /** {@code gtcQueries} are Smart Search queries to run in addition to the ones the guideline set finds. */
    public record Options(Boolean gtcValidation, List<String> gtcQueries) {
        public Options {
            gtcValidation = Boolean.TRUE.equals(gtcValidation);
            gtcQueries = gtcQueries == null ? List.of() : List.copyOf(gtcQueries);
        }
    }
}
