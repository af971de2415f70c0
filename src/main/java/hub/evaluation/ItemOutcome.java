package hub.evaluation;

import java.util.List;

/**
 * One corpus item with its report's reading.
 *
 * @param score the report's score, null when it has none (nothing judged, or no report)
 * @param error why there is no report (job FAILED, timeout, rejected), else null
 * @param reportCoverage the report's own {@code coverage} (0..1), null when it has none
 */
public record ItemOutcome(String id, String kind, String language, String split, Double score,
                          List<GuidelineOutcome> guidelines, String error, Double reportCoverage) {

    public ItemOutcome {
        guidelines = List.copyOf(guidelines);
    }

    public ItemOutcome(String id, String kind, String language, String split, Double score,
                       List<GuidelineOutcome> guidelines, String error) {
        this(id, kind, language, split, score, guidelines, error, null);
    }

    /** Labelled, and every label compliant. */
    public boolean allCompliant() {
        return !guidelines.isEmpty() && guidelines.stream().noneMatch(GuidelineOutcome::expectedViolation);
    }

    public boolean anyViolationExpected() {
        return guidelines.stream().anyMatch(GuidelineOutcome::expectedViolation);
    }

    public boolean article() {
        return "article".equals(kind);
    }

    /** The same item with only the outcomes of one guideline. */
    public ItemOutcome only(String guidelineId) {
        return new ItemOutcome(id, kind, language, split, score,
                guidelines.stream().filter(g -> g.guidelineId().equals(guidelineId)).toList(), error, reportCoverage);
    }
}
