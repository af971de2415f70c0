package hub.vale;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Title case as AP or Chicago style write it: every word capitalised except short articles, conjunctions and
 * prepositions in the middle of the title.
 */
final class TitleCase {

    private static final Set<String> AP_SMALL = Set.of("a", "an", "and", "at", "but", "by", "for", "in", "nor", "of",
            "on", "or", "so", "the", "to", "up", "yet");
    private static final Set<String> CHICAGO_SMALL = Set.of("a", "an", "and", "as", "at", "but", "by", "for", "from",
            "in", "into", "like", "near", "nor", "of", "off", "on", "onto", "or", "out", "over", "past", "per", "so",
            "than", "the", "till", "to", "up", "upon", "via", "with", "yet");
    private static final Pattern WORD = Pattern.compile("\\S+");

    private final Set<String> small;

    TitleCase(boolean chicago) {
        this.small = chicago ? CHICAGO_SMALL : AP_SMALL;
    }

    String apply(String s) {
        Matcher m = WORD.matcher(s);
        StringBuilder out = new StringBuilder(s);
        int index = 0;
        int last = 0;
        while (m.find()) {
            last++;
        }
        m.reset();
        while (m.find()) {
            String word = m.group();
            boolean edge = index == 0 || index == last - 1;
            String bare = word.replaceAll("^\\p{Punct}+|\\p{Punct}+$", "").toLowerCase(Locale.ROOT);
            if (edge || !small.contains(bare)) {
                int first = firstLetter(word);
                if (first >= 0) {
                    out.setCharAt(m.start() + first, Character.toUpperCase(word.charAt(first)));
                }
            } else {
                for (int i = 0; i < word.length(); i++) {
                    out.setCharAt(m.start() + i, Character.toLowerCase(word.charAt(i)));
                }
            }
            index++;
        }
        return out.toString();
    }

    private static int firstLetter(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.isLetter(word.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
