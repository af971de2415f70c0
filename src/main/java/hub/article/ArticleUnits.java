package hub.article;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The stable units of an article's visible text: every non-blank line, i.e. a paragraph as Word sends it, a heading
 * or a list item. Each unit has its span in the visible text (UTF-16 indices, end exclusive, surrounding white space
 * excluded) and the hash of its normalized text, which is what the unit cache and the change count compare.
 */
public final class ArticleUnits {

    private static final Pattern WHITE_SPACE = Pattern.compile("[\\s\\p{Z}]+");

    /** One unit: its position in the article, its span in the visible text and its normalized-text hash. */
    public record Unit(int index, int start, int end, String hash) {

        public String text(String article) {
            return article.substring(start, end);
        }

        public boolean contains(int offset) {
            return offset >= start && offset < end;
        }
    }

    private ArticleUnits() {
    }

    public static List<Unit> of(String text) {
        List<Unit> units = new ArrayList<>();
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            int start = lineStart;
            int end = lineEnd;
            while (start < end && isSpace(text.charAt(start))) {
                start++;
            }
            while (end > start && isSpace(text.charAt(end - 1))) {
                end--;
            }
            if (end > start) {
                units.add(new Unit(units.size(), start, end, hash(text.substring(start, end))));
            }
            lineStart = lineEnd + 1;
        }
        return units;
    }

    /** Unicode NFC, every run of white space as one space, trimmed. */
    public static String normalize(String text) {
        return WHITE_SPACE.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll(" ").strip();
    }

    public static String hash(String text) {
        return TextHash.sha256Hex(normalize(text));
    }

    /** The hash of a sequence of units: what an article-scoped verdict depends on. */
    public static String hashOf(List<Unit> units) {
        StringBuilder all = new StringBuilder();
        units.forEach(u -> all.append(u.hash()).append('\n'));
        return TextHash.sha256Hex(all.toString());
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
