package hub.vale;

import java.util.List;

/**
 * One alert of a Vale rule. {@code start} and {@code end} are UTF-16 indices into the checked source text; an alert
 * about the whole document (metric, readability) has an empty span at 0.
 */
public record ValeAlert(String rule, ValeLevel level, String message, String link, int start, int end, String match,
        List<String> suggestions) {

    public ValeAlert {
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
    }

    /** The first suggested replacement, or null. */
    public String suggestion() {
        return suggestions.isEmpty() ? null : suggestions.get(0);
    }
}
