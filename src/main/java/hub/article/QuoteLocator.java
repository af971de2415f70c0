package hub.article;

import java.util.Arrays;
import java.util.Optional;

/**
 * Finds a quote (typically returned by an LLM, whose offsets are never trusted) in a text. An exact match wins;
 * otherwise the match ignores case, treats any run of white space as one space and typographic quotes, apostrophes,
 * dashes and the ellipsis as their ASCII equivalents.
 */
public final class QuoteLocator {

    private QuoteLocator() {
    }

    /** {start, endExclusive} of the first match at or after {@code fromIndex}; empty for a blank quote. */
    public static Optional<int[]> find(String text, String quote, int fromIndex) {
        if (text == null || quote == null) {
            return Optional.empty();
        }
        Folded needle = Folded.of(quote, 0);
        int from = Math.max(0, fromIndex);
        if (needle.text.isEmpty() || from > text.length()) {
            return Optional.empty();
        }
        String trimmed = quote.strip();
        int exact = text.indexOf(trimmed, from);
        if (exact >= 0) {
            return Optional.of(new int[] {exact, exact + trimmed.length()});
        }
        Folded haystack = Folded.of(text, from);
        int at = haystack.text.indexOf(needle.text);
        if (at < 0) {
            return Optional.empty();
        }
        return Optional.of(new int[] {haystack.starts[at], haystack.ends[at + needle.text.length() - 1]});
    }

    /** A text folded for comparison, trimmed, with the source span of every folded character. */
    private record Folded(String text, int[] starts, int[] ends) {

        static Folded of(String source, int from) {
            StringBuilder text = new StringBuilder();
            int[] starts = new int[(source.length() - from) * 3 + 1];
            int[] ends = new int[starts.length];
            int i = from;
            while (i < source.length()) {
                int codePoint = source.codePointAt(i);
                int next = i + Character.charCount(codePoint);
                if (isSpace(codePoint)) {
                    while (next < source.length() && isSpace(source.codePointAt(next))) {
                        next += Character.charCount(source.codePointAt(next));
                    }
                }
                String folded = fold(codePoint);
                if (!folded.equals(" ") || text.length() > 0) {
                    for (int k = 0; k < folded.length(); k++) {
                        starts[text.length()] = i;
                        ends[text.length()] = next;
                        text.append(folded.charAt(k));
                    }
                }
                i = next;
            }
            int length = text.length() > 0 && text.charAt(text.length() - 1) == ' ' ? text.length() - 1 : text.length();
            return new Folded(text.substring(0, length), Arrays.copyOf(starts, length), Arrays.copyOf(ends, length));
        }

        private static String fold(int codePoint) {
            if (isSpace(codePoint)) {
                return " ";
            }
            return switch (codePoint) {
                case '‘', '’', 'ʼ', '′' -> "'";
                case '“', '”', '„', '″' -> "\"";
                case '–', '—', '‐', '‑', '−' -> "-";
                case '…' -> "...";
                default -> Character.toString(Character.toLowerCase(Character.toUpperCase(codePoint)));
            };
        }

        private static boolean isSpace(int codePoint) {
            return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
        }
    }
}
