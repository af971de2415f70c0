package hub.job;

import hub.article.Article;
import java.util.List;

/** The body of {@code POST /api/v1/jobs}. */
public record JobSubmission(Article article, String guidelineSet, Options options, String externalRef) {

    public JobSubmission {
        guidelineSet = guidelineSet == null || guidelineSet.isBlank() ? "default" : guidelineSet.trim();
        options = options == null ? new Options(false, List.of()) : options;
    }

    /** {@code gtcQueries} are Smart Search queries to run in addition to the ones the guideline set finds. */
    public record Options(Boolean gtcValidation, List<String> gtcQueries) {
        public Options {
            gtcValidation = Boolean.TRUE.equals(gtcValidation);
            gtcQueries = gtcQueries == null ? List.of() : List.copyOf(gtcQueries);
        }
    }
}
