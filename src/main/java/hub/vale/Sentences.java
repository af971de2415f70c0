package hub.vale;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits text into sentences with the JDK's English sentence rules; spans exclude surrounding white space. */
final class Sentences {

    private Sentences() {
    }

    /** [start, end) spans of the sentences of {@code text}. */
    static List<int[]> spans(String text) {
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        it.setText(text);
        List<int[]> spans = new ArrayList<>();
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            int from = start;
            int to = end;
            while (from < to && Character.isWhitespace(text.charAt(from))) {
                from++;
            }
            while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
                to--;
            }
            if (from < to) {
                spans.add(new int[] {from, to});
            }
        }
        return spans;
    }

    static int count(String text) {
        return Math.max(1, spans(text).size());
    }
}
