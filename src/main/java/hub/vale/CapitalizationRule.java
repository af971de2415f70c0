package hub.vale;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code capitalization}: a block (typically a heading) must be in {@code $title}, {@code $sentence},
 * {@code $lower} or {@code $upper} case, or match a pattern. Title and sentence case pass when more than
 * {@code threshold} (default 0.8) of the words conform; exceptions always conform, and a word after one ending in
 * an {@code indicators} suffix may be capitalised.
 */
final class CapitalizationRule extends Rule {

    private static final String WORD = "[\\p{N}\\p{L}*]+[^\\s]*";

    private final Predicate<String> conforms;
    private final Exceptions exceptions;
    private final Pattern words;
    private final List<String> indicators;
    private final double threshold;

    CapitalizationRule(RuleSpec spec) {
        super(spec);
        this.exceptions = Exceptions.of(spec.list("exceptions"));
        this.words = exceptions.terms() == null ? Pattern.compile(WORD)
                : Pattern.compile(exceptions.terms().pattern() + "|" + WORD, exceptions.terms().flags());
        this.indicators = spec.list("indicators");
        this.threshold = spec.number("threshold", 0) == 0 ? 0.8 : spec.number("threshold", 0.8);
        String match = spec.string("match", "");
        TitleCase titleCase = new TitleCase("Chicago".equalsIgnoreCase(spec.string("style", "AP")));
        this.conforms = switch (match) {
            case "$title" -> s -> title(s, titleCase);
            case "$sentence" -> this::sentence;
            case "$lower" -> s -> s.equals(s.toLowerCase(Locale.ROOT)) || exceptions.matches(s);
            case "$upper" -> s -> s.equals(s.toUpperCase(Locale.ROOT)) || exceptions.matches(s);
            default -> {
                Pattern p = GoRegex.compile(match);
                yield s -> p.matcher(s).find() || exceptions.matches(s);
            }
        };
    }

    @Override
    void run(Block block, Set<String> seen, List<ValeAlert> out) {
        if (!block.text().isEmpty() && !conforms.test(block.text())) {
            out.add(alert(block, 0, block.text().length()));
        }
    }

    private List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = words.matcher(s);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private boolean title(String s, TitleCase titleCase) {
        List<String> expected = tokens(titleCase.apply(s));
        List<String> actual = tokens(s);
        int count = 0;
        for (int i = 0; i < actual.size(); i++) {
            String word = actual.get(i);
            if (i >= expected.size() || word.equals(expected.get(i)) || exceptions.matches(word)
                    || word.equals(word.toUpperCase(Locale.ROOT))) {
                count++;
            }
        }
        return (double) count / actual.size() > threshold;
    }

    private boolean sentence(String s) {
        List<String> tokens = tokens(stripEnd(s, "?!.:"));
        int count = 0;
        for (int i = 0; i < tokens.size(); i++) {
            String prev = i > 0 ? tokens.get(i - 1) : "";
            String w = firstPart(tokens.get(i));
            if (w.equals(w.toUpperCase(Locale.ROOT)) || indicators.stream().anyMatch(prev::endsWith)
                    || exceptions.matches(w)) {
                count++;
            } else if (i == 0 && !w.equals(capitalizeWords(w.toLowerCase(Locale.ROOT)))) {
                return false;
            } else if (i == 0 || w.equals(w.toLowerCase(Locale.ROOT))) {
                count++;
            }
        }
        return (double) count / tokens.size() > threshold;
    }

    /** "Top-level" and "Client's" are judged by their first part. */
    private static String firstPart(String w) {
        for (String separator : List.of("-", "'", "’")) {
            if (w.contains(separator)) {
                return w.substring(0, w.indexOf(separator));
            }
        }
        return w;
    }

    private static String stripEnd(String s, String chars) {
        int end = s.length();
        while (end > 0 && chars.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end);
    }

    /** Upper-cases every letter that begins a word, as Go's strings.Title does. */
    static String capitalizeWords(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean startOfWord = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(startOfWord ? Character.toTitleCase(c) : c);
            startOfWord = !(Character.isLetterOrDigit(c) || c == '_');
        }
        return out.toString();
    }
}
