package hub.job;

import hub.article.Article;

/** The body of {@code POST /api/v1/jobs}. */
public record JobSubmission(Article article, String guidelineSet, Options options, String externalRef) {

    public JobSubmission {
        guidelineSet = guidelineSet == null || guidelineSet.isBlank() ? "default" : guidelineSet.trim();
        options = options == null ? new Options(false) : options;
    }

    public record Options(boolean gtcValidation) {}
}
