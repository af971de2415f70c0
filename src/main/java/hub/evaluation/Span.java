package hub.evaluation;

import java.util.ArrayList;
import java.util.List;

/** A stretch of the submitted text in UTF-16 code units, as the report's findings give it. */
public record Span(int offset, int length) {

    /** True when the two stretches share at least one code unit (an empty stretch shares none). */
    public boolean overlaps(Span other) {
        return length > 0 && other.length > 0
                && offset < other.offset + other.length && other.offset < offset + length;
    }

    /** Every occurrence of {@code passage} in {@code text} (overlapping occurrences included). */
    public static List<Span> occurrences(String text, String passage) {
        List<Span> found = new ArrayList<>();
        if (passage == null || passage.isEmpty()) {
            return found;
        }
        for (int at = text.indexOf(passage); at >= 0; at = text.indexOf(passage, at + 1)) {
            found.add(new Span(at, passage.length()));
        }
        return found;
    }
}
