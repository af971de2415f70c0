package hub.report;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A located problem. {@code offset} and {@code length} count UTF-16 code units in the article text as submitted
 * (what Office.js counts); {@code offset} is null for article-level findings such as a missing disclaimer.
 * {@code checkId} names the deterministic check (a Vale rule such as {@code Microsoft.Avoid}) or "llm";
 * {@code link} points to the rule's documentation where the rule has one; {@code reused} is true when the finding
 * was taken from an earlier check of an unchanged unit (its offsets re-based onto this text).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(String checkId, String message, String quote, Integer offset, int length, String suggestion,
        String link, Boolean reused) {

    public Finding(String checkId, String message, String quote, Integer offset, int length, String suggestion) {
        this(checkId, message, quote, offset, length, suggestion, null, null);
    }

    public Finding(String checkId, String message, String quote, Integer offset, int length, String suggestion,
            String link) {
        this(checkId, message, quote, offset, length, suggestion, link, null);
    }

    /** This finding, marked as taken from earlier work ({@code true}) or found by this check. */
    public Finding reused(boolean fromEarlierWork) {
        return new Finding(checkId, message, quote, offset, length, suggestion, link, fromEarlierWork);
    }

    public static Finding articleLevel(String checkId, String message, String suggestion) {
        return new Finding(checkId, message, null, null, 0, suggestion);
    }
}
