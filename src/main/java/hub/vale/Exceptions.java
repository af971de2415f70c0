package hub.vale;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule's {@code exceptions}: a match is excused when an exception occurs in it as a whole word (case-sensitive
 * unless the term says {@code (?i)}), or when it lies within an excepted multi-word phrase in the text.
 */
final class Exceptions {

    static final Exceptions NONE = new Exceptions(null, null);

    private final Pattern terms;
    private final Pattern phrases;

    private Exceptions(Pattern terms, Pattern phrases) {
        this.terms = terms;
        this.phrases = phrases;
    }

    static Exceptions of(List<String> exceptions) {
        List<String> sorted = new ArrayList<>(exceptions.stream().filter(s -> !s.isBlank()).toList());
        if (sorted.isEmpty()) {
            return NONE;
        }
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        List<String> cased = sorted.stream().map(t -> t.startsWith("(?i)") ? t : "(?-i)" + t).toList();
        List<String> multiWord = sorted.stream()
                .filter(t -> t.contains(" ") || t.contains("\t") || t.contains("\\s")).toList();
        return new Exceptions(GoRegex.compile("(?m)\\b(?:" + String.join("|", cased) + ")\\b"),
                multiWord.isEmpty() ? null : GoRegex.compile("(?i)\\b(?:" + String.join("|", multiWord) + ")\\b"));
    }

    /** The regex of the single terms, or null; capitalization tokenises with it. */
    Pattern terms() {
        return terms;
    }

    boolean matches(String observed) {
        return terms != null && terms.matcher(observed).find();
    }

    boolean excuses(String observed, String text, int from, int to) {
        return matches(observed) || withinPhrase(text, from, to);
    }

    private boolean withinPhrase(String text, int from, int to) {
        if (phrases == null) {
            return false;
        }
        Matcher m = phrases.matcher(text);
        while (m.find()) {
            if (from >= m.start() && to <= m.end()) {
                return true;
            }
        }
        return false;
    }
}
