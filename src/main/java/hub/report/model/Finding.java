package hub.report.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A located problem. {@code offset} and {@code length} count UTF-16 code units in the article text as submitted
 * (what Office.js counts); {@code offset} is null for article-level findings such as a missing disclaimer.
 * {@code checkId} names the deterministic check (a Vale rule such as {@code Microsoft.Avoid}) or "llm";
 * {@code link} points to the rule's documentation where the rule has one; {@code reused} is true when the finding
 * was taken from an earlier check of an unchanged unit (its offsets re-based onto this text). {@code needsReview}
 * marks a rule hit the rules cannot decide alone (quoted text, a word that is often harmless) and no model judged;
 * {@code overruledBy} ("llm") and {@code overruledReason} mark a rule hit the model judged not to be a violation
 * here: it stays in the report but counts for nothing.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(String checkId, String message, String quote, Integer offset, int length, String suggestion,
        String link, Boolean reused, Boolean needsReview, String overruledBy, String overruledReason) {

    public Finding(String checkId, String message, String quote, Integer offset, int length, String suggestion) {
        this(checkId, message, quote, offset, length, suggestion, null, null);
    }

    public Finding(String checkId, String message, String quote, Integer offset, int length, String suggestion,
            String link) {
        this(checkId, message, quote, offset, length, suggestion, link, null);
    }

    public Finding(String checkId, String message, String quote, Integer offset, int length, String suggestion,
            String link, Boolean reused) {
        this(checkId, message, quote, offset, length, suggestion, link, reused, null, null, null);
    }

    /** This finding, marked as taken from earlier work ({@code true}) or found by this check. */
    public Finding reused(boolean fromEarlierWork) {
        return new Finding(checkId, message, quote, offset, length, suggestion, link, fromEarlierWork, needsReview,
                overruledBy, overruledReason);
    }

    /** This rule hit, marked as one a person (or the model) has to judge. */
    public Finding needingReview() {
        return new Finding(checkId, message, quote, offset, length, suggestion, link, reused, true, overruledBy,
                overruledReason);
    }

    /** This rule hit, overruled by {@code judge} for {@code reason}. */
    public Finding overruled(String judge, String reason) {
        return new Finding(checkId, message, quote, offset, length, suggestion, link, reused, null, judge, reason);
    }

    /** This rule hit, confirmed by a judge: it no longer needs review. */
    public Finding confirmed() {
        return new Finding(checkId, message, quote, offset, length, suggestion, link, reused, null, null, null);
    }

    /** True unless the hit was overruled: it counts towards the verdict and the score. */
    public boolean live() {
        return overruledBy == null;
    }

    /** True when the hit counts and is certain: neither overruled nor waiting for review. */
    public boolean certain() {
        return live() && !Boolean.TRUE.equals(needsReview);
    }

    public static Finding articleLevel(String checkId, String message, String suggestion) {
        return new Finding(checkId, message, null, null, 0, suggestion);
    }
}
