package hub.evaluation;

import com.fasterxml.jackson.databind.JsonNode;

/** What a report says about one labelled guideline, reduced to four classes (docs/evaluation.md). */
public enum Predicted {
    /** FAIL or WARN with a finding that counts (neither overruled by the model nor needing review), or no findings. */
    VIOLATION,
    /** FAIL or WARN, but every finding that was not overruled needs review. */
    REVIEW,
    /** PASS or NOT_APPLICABLE. */
    CLEAN,
    /** NOT_EVALUATED, ERROR, any other verdict, or the guideline missing from the report. */
    UNDECIDED;

    /** The class of one entry of the report's {@code guidelines[]}; null or missing means the guideline is absent. */
    public static Predicted of(JsonNode result) {
        if (result == null || result.isMissingNode() || result.isNull()) {
            return UNDECIDED;
        }
        switch (result.path("verdict").asText("")) {
            case "PASS", "NOT_APPLICABLE":
                return CLEAN;
            case "FAIL", "WARN":
                break;
            default:
                return UNDECIDED;
        }
        JsonNode findings = result.path("findings");
        if (!findings.isArray() || findings.isEmpty()) {
            return VIOLATION;
        }
        for (JsonNode finding : findings) {
            if (counts(finding)) {
                return VIOLATION;
            }
        }
        return REVIEW;
    }

    /** A finding counts when the model did not overrule it and it does not need review. */
    public static boolean counts(JsonNode finding) {
        return !overruled(finding) && !finding.path("needsReview").asBoolean(false);
    }

    /** Overruled by the model ({@code overruledBy} present): such a finding does not count at all. */
    public static boolean overruled(JsonNode finding) {
        JsonNode by = finding.path("overruledBy");
        return !by.isMissingNode() && !by.isNull() && !by.asText("").isEmpty();
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
