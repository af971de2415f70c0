package hub.rules;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The matches of a regular expression in a text, in {@link Matcher#find()}'s order, where every match starts with one
 * of some literal texts ({@link LiteralPrefixes}, a term's first word): the expression is tried only where one of
 * them occurs, found with {@link String#indexOf(String, int)}, instead of at every position of the text. For a
 * case-insensitive expression the texts are case-folded and looked for in the folded text, which has the same offsets
 * ({@code PlainText.folded}). The bounds are transparent and not anchoring, so look-behinds, {@code \b} and {@code ^}
 * see the text before the position tried, as {@code find()} does. Without literal texts it is {@code find()}.
 */
final class PrefixedMatches {

    private final Matcher matcher;
    /** Where the literal texts are looked for (the text or its case fold); null: every position is tried. */
    private final String haystack;
    private final List<String> prefixes;
    /** Each literal text's next occurrence at or after {@link #from}, -1 when there is none, -2 before the first look. */
    private final int[] next;
    private int from;

    PrefixedMatches(Pattern pattern, String text, String haystack, List<String> prefixes) {
        this.matcher = pattern.matcher(text);
        this.haystack = haystack;
        this.prefixes = prefixes;
        this.next = new int[prefixes == null ? 0 : prefixes.size()];
        Arrays.fill(next, -2);
        if (haystack != null) {
            matcher.useTransparentBounds(true).useAnchoringBounds(false);
        }
    }

    /** Every position tried, as {@link Matcher#find()}. */
    static PrefixedMatches everywhere(Pattern pattern, String text) {
        return new PrefixedMatches(pattern, text, null, null);
    }

    boolean find() {
        if (haystack == null) {
            return matcher.find();
        }
        int length = haystack.length();
        while (from <= length) {
            int at = nextCandidate();
            if (at < 0) {
                return false;
            }
            matcher.region(at, length);
            if (matcher.lookingAt()) {
                // As find(): the next search starts where this match ended, one further after an empty match.
                from = matcher.end() > at ? matcher.end() : at + 1;
                return true;
            }
            from = at + 1;
        }
        return false;
    }

    private int nextCandidate() {
        int best = -1;
        for (int i = 0; i < next.length; i++) {
            if (next[i] != -1 && next[i] < from) {
                next[i] = haystack.indexOf(prefixes.get(i), from);
            }
            if (next[i] >= 0 && (best < 0 || next[i] < best)) {
                best = next[i];
            }
        }
        return best;
    }

    int start() {
        return matcher.start();
    }

    int end() {
        return matcher.end();
    }

    String group() {
        return matcher.group();
    }
}
