package hub.gtc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Selects the passages of a GTC document that are relevant to a claim, with Okapi BM25 (k1 = 1.2, b = 0.75).
 *
 * <p>The documents of the BM25 collection are windows of about {@value #WINDOW_WORDS} words (overlapping by
 * {@value #WINDOW_OVERLAP}) cut from each section; a section's heading counts as part of each of its windows. The
 * idf is Lucene's non-negative {@code ln(1 + (N - n + 0.5) / (n + 0.5))}, and each distinct query term counts once.
 *
 * <p>Thread-safe and stateless: each call indexes the given text.
 */
@Component("gtcPassages")
public class PassageRanker {

    static final double K1 = 1.2;
    static final double B = 0.75;
    static final int WINDOW_WORDS = 120;
    static final int WINDOW_OVERLAP = 30;

    private static final Pattern TOKEN = Pattern.compile(
            "(\\p{Nd}+(?:[.,]\\p{Nd}+)*)([\\s\\u00A0\\u202F]?%|\\s*per\\s?cent\\b)?|[\\p{L}\\p{M}][\\p{L}\\p{M}\\p{Nd}]*");
    private static final Set<String> STOPWORDS = Set.of(
            "a", "an", "and", "any", "are", "as", "at", "be", "been", "being", "but", "by", "can", "could", "did",
            "do", "does", "for", "from", "had", "has", "have", "he", "her", "here", "his", "how", "if", "in", "into",
            "is", "it", "its", "me", "my", "no", "nor", "not", "of", "on", "or", "our", "she", "should", "so", "some",
            "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "to",
            "too", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will",
            "with", "would", "you", "your");

    private final int maxChars;

    public PassageRanker(@Value("${hub.gtc.passage-max-chars:1200}") int maxChars) {
        if (maxChars < 1) {
            throw new IllegalArgumentException("hub.gtc.passage-max-chars must be positive");
        }
        this.maxChars = maxChars;
    }

    /**
     * The at most {@code k} passages of {@code text} with a positive BM25 score for {@code claim}, best first (ties
     * in reading order). Overlapping windows of the same section are never both returned.
     */
    public List<Passage> top(GtcText text, String claim, int k) {
        Objects.requireNonNull(text, "text");
        if (k < 1) {
            throw new IllegalArgumentException("k must be positive, was " + k);
        }
        Set<String> query = new LinkedHashSet<>(terms(claim == null ? "" : claim));
        List<Window> windows = windows(text);
        if (query.isEmpty() || windows.isEmpty()) {
            return List.of();
        }
        Bm25 bm25 = new Bm25(windows, query);
        List<Scored> scored = new ArrayList<>();
        for (Window window : windows) {
            double score = bm25.score(window);
            if (score > 0) {
                scored.add(new Scored(window, score));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparingInt(s -> s.window().ordinal()));
        return selectNonOverlapping(scored, k).stream()
                .map(s -> passage(text.gtcId(), s))
                .toList();
    }

    /**
     * The index terms of a text: lowercase runs of Unicode letters and digits, without stopwords and one-letter
     * words, plural "s" stripped; numbers keep their decimal separator and percent sign, normalised so that
     * "1,5 %", "1.50%" and "1.5 per cent" all become "1.5%".
     */
    static List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            if (matcher.group(1) != null) {
                terms.add(number(matcher.group(1)) + (matcher.group(2) != null ? "%" : ""));
            } else {
                String word = matcher.group();
                if (word.length() > 1 && !STOPWORDS.contains(word)) {
                    terms.add(singular(word));
                }
            }
        }
        return terms;
    }

    /** "1,5" becomes "1.5"; a single decimal part of one or two digits loses trailing zeros ("1.50", "2.0"). */
    private static String number(String digits) {
        String number = digits.replace(',', '.');
        int dot = number.indexOf('.');
        boolean simpleDecimal = dot > 0 && dot == number.lastIndexOf('.') && number.length() - dot - 1 <= 2;
        if (simpleDecimal) {
            number = number.replaceAll("0+$", "");
            if (number.endsWith(".")) {
                number = number.substring(0, number.length() - 1);
            }
        }
        return number;
    }

    private static String singular(String word) {
        if (word.length() <= 3 || !word.endsWith("s")) {
            return word;
        }
        if (word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("sses") || word.endsWith("xes") || word.endsWith("ches") || word.endsWith("shes")
                || word.endsWith("zes")) {
            return word.substring(0, word.length() - 2);
        }
        if (word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")) {
            return word;
        }
        return word.substring(0, word.length() - 1);
    }

    private static List<Window> windows(GtcText text) {
        List<Window> windows = new ArrayList<>();
        List<Section> sections = text.sections();
        for (int s = 0; s < sections.size(); s++) {
            Section section = sections.get(s);
            List<String> headingTerms = terms(section.heading() == null ? "" : section.heading());
            List<String> words = Arrays.asList(section.text().strip().split("\\s+"));
            int start = 0;
            for (int index = 0; ; index++) {
                int end = Math.min(start + WINDOW_WORDS, words.size());
                String windowText = String.join(" ", words.subList(start, end));
                List<String> windowTerms = new ArrayList<>(headingTerms);
                windowTerms.addAll(terms(windowText));
                windows.add(new Window(windows.size(), section, s, index, windowText, windowTerms));
                if (end == words.size()) {
                    break;
                }
                start += WINDOW_WORDS - WINDOW_OVERLAP;
            }
        }
        return windows;
    }

    private static List<Scored> selectNonOverlapping(List<Scored> ranked, int k) {
        List<Scored> selected = new ArrayList<>();
        Set<List<Integer>> taken = new HashSet<>();
        for (Scored candidate : ranked) {
            if (selected.size() == k) {
                break;
            }
            int s = candidate.window().sectionIndex();
            int w = candidate.window().windowIndex();
            if (taken.contains(List.of(s, w - 1)) || taken.contains(List.of(s, w + 1))) {
                continue;
            }
            taken.add(List.of(s, w));
            selected.add(candidate);
        }
        return selected;
    }

    private Passage passage(String gtcId, Scored scored) {
        Section section = scored.window().section();
        return new Passage(gtcId, section.page(), section.number(), section.heading(),
                trim(scored.window().text()), scored.score());
    }

    private String trim(String text) {
        if (text.length() <= maxChars) {
            return text;
        }
        int cut = text.lastIndexOf(' ', maxChars - 1);
        return (cut > 0 ? text.substring(0, cut) : text.substring(0, maxChars - 1)) + "…";
    }

    /** One BM25 document: a window of a section, with its terms (heading terms included). */
    private record Window(int ordinal, Section section, int sectionIndex, int windowIndex, String text,
            List<String> terms) {
    }

    private record Scored(Window window, double score) {
    }

    /** BM25 statistics of one collection for one query. */
    private static final class Bm25 {

        private final Set<String> query;
        private final Map<String, Double> idf = new HashMap<>();
        private final double averageLength;

        Bm25(List<Window> collection, Set<String> query) {
            this.query = query;
            Map<String, Integer> documentFrequency = new HashMap<>();
            long totalLength = 0;
            for (Window window : collection) {
                totalLength += window.terms().size();
                for (String term : new HashSet<>(window.terms())) {
                    if (query.contains(term)) {
                        documentFrequency.merge(term, 1, Integer::sum);
                    }
                }
            }
            int n = collection.size();
            for (String term : query) {
                int df = documentFrequency.getOrDefault(term, 0);
                idf.put(term, Math.log(1 + (n - df + 0.5) / (df + 0.5)));
            }
            this.averageLength = totalLength == 0 ? 1 : (double) totalLength / n;
        }

        double score(Window window) {
            Map<String, Integer> frequencies = new HashMap<>();
            for (String term : window.terms()) {
                if (query.contains(term)) {
                    frequencies.merge(term, 1, Integer::sum);
                }
            }
            double lengthNorm = 1 - B + B * window.terms().size() / averageLength;
            double score = 0;
            for (Map.Entry<String, Integer> entry : frequencies.entrySet()) {
                int tf = entry.getValue();
                score += idf.get(entry.getKey()) * tf * (K1 + 1) / (tf + K1 * lengthNorm);
            }
            return score;
        }
    }
}
