package hub.markup;

/**
 * Decoded text and, for every character, the source span [start, end) it stands for. Built by aligning what a parser
 * decoded (its literal) with the source it read: a character reference's characters all span the reference, a
 * backslash-escaped character spans itself without the backslash, source characters the parser left out (white
 * space it trimmed) stand for nothing.
 */
public final class TextSpans {

    private static final int MAX_REFERENCE = 34;

    private final String text;
    private final int[] starts;
    private final int[] ends;

    private TextSpans(String text, int[] starts, int[] ends) {
        this.text = text;
        this.starts = starts;
        this.ends = ends;
    }

    /** Source characters [from, to) standing for themselves. */
    static TextSpans verbatim(String source, int from, int to) {
        int[] starts = new int[to - from];
        int[] ends = new int[to - from];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = from + i;
            ends[i] = from + i + 1;
        }
        return new TextSpans(source.substring(from, to), starts, ends);
    }

    /** One character standing for the source span [from, to). */
    static TextSpans of(char c, int from, int to) {
        return new TextSpans(String.valueOf(c), new int[] {from}, new int[] {to});
    }

    /**
     * {@code literal} as decoded from the source span [from, to): Markdown backslash escapes when {@code escapes},
     * character references always. A literal character the alignment cannot place stands for the span's last
     * character.
     */
    static TextSpans aligned(String source, int from, int to, String literal, boolean escapes) {
        int[] starts = new int[literal.length()];
        int[] ends = new int[literal.length()];
        int q = 0;
        int i = from;
        while (q < literal.length() && i < to) {
            char c = source.charAt(i);
            if (escapes && c == '\\' && i + 1 < to && isAsciiPunctuation(source.charAt(i + 1))
                    && literal.charAt(q) == source.charAt(i + 1)) {
                starts[q] = i + 1;
                ends[q] = i + 2;
                q++;
                i += 2;
                continue;
            }
            int reference = c == '&' ? referenceEnd(source, i, to) : -1;
            if (reference > 0) {
                String decoded = org.jsoup.parser.Parser.unescapeEntities(source.substring(i, reference), false);
                if (!decoded.equals(source.substring(i, reference)) && literal.startsWith(decoded, q)) {
                    for (int k = 0; k < decoded.length(); k++) {
                        starts[q + k] = i;
                        ends[q + k] = reference;
                    }
                    q += decoded.length();
                    i = reference;
                    continue;
                }
            }
            if (literal.charAt(q) == c) {
                starts[q] = i;
                ends[q] = i + 1;
                q++;
            }
            i++;
        }
        for (; q < literal.length(); q++) {
            starts[q] = Math.max(from, to - 1);
            ends[q] = to;
        }
        return new TextSpans(withoutLoneSurrogates(literal), starts, ends);
    }

    /** {@code s} with each half of a surrogate pair that has no other half as U+FFFD (a reference to one decodes so). */
    private static String withoutLoneSurrogates(String s) {
        char[] chars = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean paired = Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                    : !Character.isLowSurrogate(c) || i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
            if (!paired) {
                chars = chars == null ? s.toCharArray() : chars;
                chars[i] = '\uFFFD';
            }
        }
        return chars == null ? s : new String(chars);
    }

    /** The index after a character reference ({@code &name;}, {@code &#n;}, {@code &#xh;}) at {@code amp}, or -1. */
    private static int referenceEnd(String source, int amp, int to) {
        int limit = Math.min(to, amp + MAX_REFERENCE);
        for (int i = amp + 1; i < limit; i++) {
            char c = source.charAt(i);
            if (c == ';') {
                return i > amp + 1 ? i + 1 : -1;
            }
            if (!(Character.isLetterOrDigit(c) || c == '#')) {
                return -1;
            }
        }
        return -1;
    }

    public String text() {
        return text;
    }

    public int length() {
        return text.length();
    }

    public char charAt(int index) {
        return text.charAt(index);
    }

    /** Source index where the character at {@code index} starts. */
    public int start(int index) {
        return starts[index];
    }

    /** Source index (exclusive) where the character at {@code index} ends. */
    public int end(int index) {
        return ends[index];
    }

    static boolean isAsciiPunctuation(char c) {
        return c < 128 && (c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`'
                || c >= '{' && c <= '~');
    }
}
