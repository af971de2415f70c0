package hub.language;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import hub.report.model.DetectedLanguage;
import hub.report.model.LanguageTags;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Detects an article's language with Lingua, among the languages the hub knows ({@code hub.language.candidates})
 * only: fewer candidates mean fewer models in memory and fewer wrong guesses. The models are loaded once, on a
 * background thread started with the application ({@code hub.language.preload}), so the first job does not pay for
 * them; a detection that comes before they are loaded waits for them. Detection reads the first
 * {@code hub.language.max-chars} characters of the plain text it is given. {@code hub.language.low-accuracy} (the
 * default) loads only Lingua's trigram models: 21 MiB of heap for six languages instead of 175 MiB, as reliable on
 * texts of more than a sentence or two, and as fast (docs/configuration.md, "Language detection").
 */
@Component("articleLanguageDetector")
public class ArticleLanguageDetector {

    private static final Logger log = LoggerFactory.getLogger(ArticleLanguageDetector.class);

    private static final String WARM_UP = "The value of an investment can go down as well as up. "
            + "Der Wert der Anlage kann schwanken. La valeur d'un placement peut baisser.";

    private final List<Language> candidates;
    private final int maxChars;
    private final double minConfidence;
    private final boolean lowAccuracy;
    private final int minWords;
    private volatile CompletableFuture<LanguageDetector> detector;

    public ArticleLanguageDetector(@Value("${hub.language.candidates:en,de,fr,es,it,nl}") List<String> candidates,
                                   @Value("${hub.language.max-chars:3000}") int maxChars,
                                   @Value("${hub.language.min-confidence:0.8}") double minConfidence,
                                   @Value("${hub.language.min-words:5}") int minWords,
                                   @Value("${hub.language.low-accuracy:true}") boolean lowAccuracy,
                                   @Value("${hub.language.preload:true}") boolean preload) {
        this.candidates = languages(candidates);
        if (maxChars < 1) {
            throw new IllegalStateException("hub.language.max-chars must be positive, not " + maxChars);
        }
        if (minConfidence < 0 || minConfidence > 1) {
            throw new IllegalStateException("hub.language.min-confidence must lie between 0 and 1, not " + minConfidence);
        }
        this.maxChars = maxChars;
        this.minConfidence = minConfidence;
        this.lowAccuracy = lowAccuracy;
        this.minWords = minWords;
        if (preload) {
            preload();
        }
    }

    /** Starts loading the models on a background thread, once; later calls return the same load. */
    public synchronized CompletableFuture<LanguageDetector> preload() {
        if (detector == null) {
            CompletableFuture<LanguageDetector> load = new CompletableFuture<>();
            Thread loader = new Thread(() -> {
                try {
                    long start = System.nanoTime();
                    LanguageDetectorBuilder builder = LanguageDetectorBuilder
                            .fromLanguages(candidates.toArray(Language[]::new)).withPreloadedLanguageModels();
                    LanguageDetector built = (lowAccuracy ? builder.withLowAccuracyMode() : builder).build();
                    // The first detection costs ~0.4 s more than the next ones (class loading, lazy tables): pay it here.
                    built.computeLanguageConfidenceValues(WARM_UP);
                    log.info("Language detector ready for {} in {} ms", codes(), (System.nanoTime() - start) / 1_000_000);
                    load.complete(built);
                } catch (RuntimeException | Error e) {
                    log.error("Language detector could not be built for {}", codes(), e);
                    load.completeExceptionally(e);
                }
            }, "language-detector-preload");
            loader.setDaemon(true);
            loader.start();
            detector = load;
        }
        return detector;
    }

    /** The candidate languages as ISO 639-1 codes, in the configured order. */
    public List<String> codes() {
        return candidates.stream().map(ArticleLanguageDetector::code).toList();
    }

    /**
     * The most likely candidate language of {@code plainText} (its first {@code max-chars} characters) and its
     * confidence; empty when the text has nothing to judge (no letters). Lingua's confidence saturates at 1.0 even
     * for a single word ("Hotel" reads as Dutch with 1.0), so a detection is confident only when it also read at
     * least {@code hub.language.min-words} words. Lingua also narrows the candidates by letters only some languages
     * use: one "ü" in a mostly English text can make it read as German.
     */
    public Optional<DetectedLanguage> detect(String plainText) {
        if (plainText == null || plainText.codePoints().noneMatch(Character::isLetter)) {
            return Optional.empty();
        }
        String sample = plainText.length() <= maxChars ? plainText : cut(plainText, maxChars);
        SortedMap<Language, Double> confidences = preload().join().computeLanguageConfidenceValues(sample);
        // Sorted by confidence, highest first.
        for (Map.Entry<Language, Double> best : confidences.entrySet()) {
            if (best.getKey() == Language.UNKNOWN) {
                continue;
            }
            double confidence = best.getValue();
            boolean confident = confidence >= minConfidence && words(sample) >= minWords;
            return Optional.of(new DetectedLanguage(code(best.getKey()), round(confidence), confident));
        }
        return Optional.empty();
    }

    private static int words(String text) {
        int n = 0;
        for (String w : text.split("[^\\p{L}\\p{M}]+")) {
            n += w.isEmpty() ? 0 : 1;
        }
        return n;
    }

    /** The first {@code max} characters, not splitting a surrogate pair. */
    private static String cut(String text, int max) {
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }

    private static double round(double confidence) {
        return Math.round(confidence * 1000) / 1000.0;
    }

    private static String code(Language language) {
        return language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    }

    private static List<Language> languages(List<String> codes) {
        Set<Language> out = new LinkedHashSet<>();
        for (String c : codes) {
            String code = LanguageTags.primary(c);
            if (code == null) {
                continue;
            }
            try {
                out.add(Language.getByIsoCode639_1(IsoCode639_1.valueOf(code.toUpperCase(Locale.ROOT))));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("hub.language.candidates: '" + c
                        + "' is not an ISO 639-1 language code Lingua knows", e);
            }
        }
        if (out.size() < 2) {
            throw new IllegalStateException("hub.language.candidates needs at least two languages, not " + codes);
        }
        return new ArrayList<>(out);
    }
}
