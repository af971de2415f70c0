package hub.report;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A located problem. {@code offset} and {@code length} count UTF-16 code units in the article text as submitted
 * (what Office.js counts); {@code offset} is null for article-level findings such as a missing disclaimer.
 * {@code checkId} names the deterministic check (a Vale rule such as {@code Microsoft.Avoid}) or "llm";
 * {@code link} points to the rule's documentation where the rule has one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(String checkId, String message, String quote, Integer offset, int length, String suggestion,
        String link) {

    public Finding(String checkId, String message, String quote, Integer offset, int length, String suggestion) {
        this(checkId, message, quote, offset, length, suggestion, null);
    }

    public static Finding articleLevel(String checkId, String message, String suggestion) {
        return new Finding(checkId, message, null, null, 0, suggestion);
    }
}
