package hub.article;

import hub.markup.TextSpans;
import java.util.Arrays;

/**
 * Accumulates visible characters together with the source span each came from. Opening inline markup waits for the
 * next visible character and its span starts there; closing markup extends the last character's span.
 */
final class TextMapBuilder {

    private final String source;
    private final StringBuilder text = new StringBuilder();
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    /** Start of opening markup waiting to be attached to the next visible character, or -1. */
    private int pendingOpen = -1;

    TextMapBuilder(String source) {
        this.source = source;
    }

    /** The source character at {@code index} is visible as itself. */
    void copy(int index) {
        append(source.charAt(index), takeOpen(index), index + 1);
    }

    /** Characters decoded from the source span [start, end), e.g. an entity. */
    void decoded(String chars, int start, int end) {
        int from = takeOpen(start);
        for (int i = 0; i < chars.length(); i++) {
            append(chars.charAt(i), from, end);
        }
    }

    /** Parsed text: each character with its source span; characters of one span (an entity) are kept together. */
    void spans(TextSpans spans, int from, int to) {
        int i = from;
        while (i < to) {
            int j = i + 1;
            while (j < to && spans.start(j) == spans.start(i) && spans.end(j) == spans.end(i)) {
                j++;
            }
            decoded(spans.text().substring(i, j), spans.start(i), spans.end(i));
            i = j;
        }
    }

    /** A character the scanner inserts (a collapsed space, a block break); never carries opening markup. */
    void synthetic(char c, int start, int end) {
        append(c, start, end);
    }

    /** Opening inline markup at {@code index}: the next visible character starts there. */
    void open(int index) {
        if (pendingOpen < 0) {
            pendingOpen = index;
        }
    }

    /** The opening markup is not adjacent to visible text after all. */
    void cancelOpen() {
        pendingOpen = -1;
    }

    /** Closing inline markup ending at {@code end}: the last visible character now ends there. */
    void close(int end) {
        if (text.length() > 0 && pendingOpen < 0) {
            ends[text.length() - 1] = Math.max(ends[text.length() - 1], end);
        }
    }

    boolean isEmpty() {
        return text.length() == 0;
    }

    char last() {
        return text.charAt(text.length() - 1);
    }

    PlainText build() {
        int length = text.length();
        return PlainText.mapped(source, text.toString(), Arrays.copyOf(starts, length), Arrays.copyOf(ends, length));
    }

    private int takeOpen(int start) {
        int from = pendingOpen >= 0 ? pendingOpen : start;
        pendingOpen = -1;
        return from;
    }

    private void append(char c, int start, int end) {
        int at = text.length();
        if (at == starts.length) {
            starts = Arrays.copyOf(starts, at * 2);
            ends = Arrays.copyOf(ends, at * 2);
        }
        text.append(c);
        starts[at] = start;
        ends[at] = end;
    }
}
