package hub.vale;

/**
 * A piece of text a rule runs on, with its Vale scope (e.g. {@code text.heading.h2.md}, {@code sentence.md}) and,
 * for every character, the UTF-16 index in the source it came from.
 */
public final class Block {

    private final String text;
    private final String scope;
    private final int[] sources;

    Block(String text, String scope, int[] sources) {
        if (sources.length != text.length()) {
            throw new IllegalArgumentException("one source index per character");
        }
        this.text = text;
        this.scope = scope;
        this.sources = sources;
    }

    /** A block whose text is the source itself, starting at {@code offset}. */
    static Block verbatim(String text, String scope, int offset) {
        int[] sources = new int[text.length()];
        for (int i = 0; i < sources.length; i++) {
            sources[i] = offset + i;
        }
        return new Block(text, scope, sources);
    }

    public String text() {
        return text;
    }

    public String scope() {
        return scope;
    }

    /** Source index of the character at {@code index}; the text length maps just past the last character. */
    public int sourceStart(int index) {
        if (sources.length == 0) {
            return 0;
        }
        return index < sources.length ? sources[index] : sources[sources.length - 1] + 1;
    }

    /** Source index just past a span of this block ending before {@code endExclusive}. */
    public int sourceEnd(int endExclusive) {
        return endExclusive == 0 ? sourceStart(0) : sources[endExclusive - 1] + 1;
    }

    /** The part [from, to) of this block, as a block of another scope. */
    Block slice(int from, int to, String newScope) {
        int[] part = new int[to - from];
        System.arraycopy(sources, from, part, 0, part.length);
        return new Block(text.substring(from, to), newScope, part);
    }

    /** This block with each non-blank character whose source index is flagged in {@code ignored} as '*'. */
    Block masked(boolean[] ignored) {
        char[] chars = text.toCharArray();
        boolean changed = false;
        for (int i = 0; i < chars.length; i++) {
            int at = sources[i];
            if (at >= 0 && at < ignored.length && ignored[at] && !Character.isWhitespace(chars[i])) {
                chars[i] = '*';
                changed = true;
            }
        }
        return changed ? new Block(new String(chars), scope, sources) : this;
    }

    /** This block without leading and trailing white space. */
    Block strip(String newScope) {
        int from = 0;
        int to = text.length();
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        return slice(from, to, newScope);
    }

    @Override
    public String toString() {
        return scope + ": " + text;
    }
}
