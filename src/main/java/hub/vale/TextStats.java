package hub.vale;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The counts readability formulas and {@code metric} rules use: words, sentences, characters (letters and digits
 * of words), syllables (the usual vowel-group estimate), complex (three or more syllables without an
 * {@code -es}/{@code -ed}/{@code -ing} ending), long (more than six letters) and polysyllabic (three or more
 * syllables) words, and paragraphs.
 */
record TextStats(double words, double sentences, double characters, double syllables, double complexWords,
        double longWords, double polysyllabicWords, double paragraphs) {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’-][\\p{L}\\p{N}]+)*");
    private static final Pattern VOWELS = Pattern.compile("[aeiouy]+");
    private static final Pattern SPLIT_IA = Pattern.compile("(?<!t)ia(?<!cia(?=l))");

    static TextStats of(String text) {
        Matcher m = WORD.matcher(text);
        double words = 0;
        double characters = 0;
        double syllables = 0;
        double complex = 0;
        double longWords = 0;
        double polysyllabic = 0;
        while (m.find()) {
            String word = m.group();
            int n = syllables(word);
            words++;
            characters += word.codePoints().filter(Character::isLetterOrDigit).count();
            syllables += n;
            polysyllabic += n >= 3 ? 1 : 0;
            complex += complex(word, n) ? 1 : 0;
            longWords += word.length() > 6 ? 1 : 0;
        }
        double paragraphs = text.isBlank() ? 0 : text.strip().split("\\n\\s*\\n").length;
        return new TextStats(words, text.isBlank() ? 0 : Sentences.count(text), characters, syllables, complex,
                longWords, polysyllabic, paragraphs);
    }

    /**
     * A complex word (Gunning-Fog) has three or more syllables not counting an {@code -es}, {@code -ed} or
     * {@code -ing} ending, as Vale's summariser counts them ("improving" and "developed" are not complex,
     * "developing" is); polysyllabic words (SMOG) count every syllable.
     */
    static boolean complex(String word, int syllables) {
        String w = word.toLowerCase(Locale.ROOT);
        int n = w.endsWith("es") || w.endsWith("ed") || w.endsWith("ing") ? syllables - 1 : syllables;
        return n > 2;
    }

    static int syllables(String word) {
        String w = word.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (w.isEmpty()) {
            return word.isEmpty() ? 0 : 1;
        }
        if (w.length() <= 3) {
            return 1;
        }
        w = w.replaceAll("(?:[^laeiouy]es|ed|[^laeiouy]e)$", "").replaceAll("^y", "");
        Matcher m = VOWELS.matcher(w);
        int count = 0;
        while (m.find()) {
            count++;
        }
        // "ia" is two syllables (as-so-ci-at-ed, me-di-a) except in "tia" and "cial" (ini-tial, spe-cial)
        Matcher ia = SPLIT_IA.matcher(w);
        while (ia.find()) {
            count++;
        }
        return Math.max(1, count);
    }

    Map<String, Double> variables() {
        Map<String, Double> v = new HashMap<>();
        v.put("words", words);
        v.put("sentences", sentences);
        v.put("characters", characters);
        v.put("syllables", syllables);
        v.put("complex_words", complexWords);
        v.put("long_words", longWords);
        v.put("polysyllabic_words", polysyllabicWords);
        v.put("paragraphs", paragraphs);
        return v;
    }

    double fleschKincaid() {
        return 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59;
    }

    double gunningFog() {
        return 0.4 * ((words / sentences) + 100 * (complexWords / words));
    }

    double colemanLiau() {
        return 0.0588 * (characters / words * 100) - 0.296 * (sentences / words * 100) - 15.8;
    }

    double smog() {
        return 1.0430 * Math.sqrt(polysyllabicWords * 30 / sentences) + 3.1291;
    }

    double automatedReadability() {
        return 4.71 * (characters / words) + 0.5 * (words / sentences) - 21.43;
    }
}
