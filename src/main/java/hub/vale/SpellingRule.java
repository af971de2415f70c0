package hub.vale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.hunspell.Hunspell;
import org.apache.lucene.analysis.hunspell.Suggester;

/**
 * {@code spelling}: every word a Hunspell dictionary does not know is an alert, with the dictionary's suggestions.
 * Keys as Vale documents them: {@code dictionaries} (default {@code en_US}), {@code dicpath}, {@code aff} and
 * {@code dic}, {@code append}, {@code filters} (patterns; a word in which one is found is not checked),
 * {@code custom} (drops the default filters: mixed case such as "MongoDB", words with characters other than
 * ASCII letters, {@code _} and {@code '}, and words ending in capitals), {@code ignore} (word-list files relative
 * to StylesPath, matched ignoring case) and {@code exceptions} (with the accepted vocabulary; as in Vale, a word is
 * excused when an exception is found anywhere in it, ignoring case, so an accepted {@code API} also excuses
 * {@code APIs}). The dictionaries are
 * found through {@link HunspellDictionaries}; when none is there the rule does not load (the loader skips it with
 * the places searched).
 */
final class SpellingRule extends Rule {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}_'’]+");
    private static final List<Pattern> DEFAULT_FILTERS = List.of(
            Pattern.compile("[A-Z]{1}[a-z]+[A-Z]+\\w+"), Pattern.compile("[^a-zA-Z_']"),
            Pattern.compile("[A-Z]+$"));
    /** Suggestions are computed without a time limit (so they do not depend on the machine's load) for this many
     * unknown words per block; later ones get none. */
    private static final int SUGGESTED_PER_BLOCK = 25;

    private final Hunspell speller;
    private final Suggester suggester;
    private final List<Pattern> filters;
    private final Set<String> ignored;
    private final Pattern exceptions;

    SpellingRule(RuleSpec spec, Path stylesPath) {
        super(spec);
        List<Path> affixes = affixFiles(spec, stylesPath);
        this.speller = HunspellDictionaries.load(affixes);
        this.suggester = HunspellDictionaries.suggester(affixes);
        List<Pattern> f = new ArrayList<>(spec.bool("custom") ? List.of() : DEFAULT_FILTERS);
        spec.list("filters").forEach(p -> f.add(GoRegex.compile(p)));
        this.filters = List.copyOf(f);
        this.ignored = ignoreLists(spec, stylesPath);
        List<String> excepted = spec.list("exceptions").stream().filter(e -> !e.isBlank()).toList();
        this.exceptions = excepted.isEmpty() ? null : GoRegex.compile("(?i)(?:" + String.join("|", excepted) + ")");
    }

    /** The dictionaries' {@code .aff} files; a missing one fails with where it was looked for. */
    private static List<Path> affixFiles(RuleSpec spec, Path stylesPath) {
        List<Path> affs = new ArrayList<>();
        if (spec.string("aff") != null && spec.string("dic") != null) {
            Path aff = stylesPath == null ? Path.of(spec.string("aff")) : stylesPath.resolve(spec.string("aff"));
            if (!Files.isRegularFile(aff)) {
                throw new IllegalArgumentException("no Hunspell affix file " + aff);
            }
            affs.add(aff);
            return affs;
        }
        List<String> names = new ArrayList<>(spec.list("dictionaries"));
        if (names.isEmpty() || spec.bool("append")) {
            names.add(0, "en_US");
        }
        List<Path> dirs = HunspellDictionaries.searchPath(stylesPath, spec.string("dicpath"));
        for (String name : names) {
            affs.add(HunspellDictionaries.find(dirs, name).orElseThrow(() -> new IllegalArgumentException(
                    "no Hunspell dictionary '" + name + "' (" + name + ".aff and " + name + ".dic) in " + dirs
                            + "; on Debian: apt-get install hunspell-" + debianName(name))));
        }
        return affs;
    }

    private static String debianName(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Set<String> ignoreLists(RuleSpec spec, Path stylesPath) {
        Set<String> words = new HashSet<>();
        for (String file : spec.list("ignore")) {
            Path path = stylesPath == null ? Path.of(file) : stylesPath.resolve(file);
            if (!Files.isRegularFile(path) && stylesPath != null) {
                path = stylesPath.resolve("config/ignore").resolve(file);
            }
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException("spelling ignore file " + file + " not found under " + stylesPath);
            }
            try {
                Files.readAllLines(path).stream().map(String::strip).filter(w -> !w.isEmpty())
                        .forEach(w -> words.add(w.toLowerCase(Locale.ROOT)));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + path, e);
            }
        }
        return words;
    }

    @Override
    void run(Block block, Set<String> seen, List<ValeAlert> out) {
        String text = block.text();
        Matcher m = WORD.matcher(text);
        int unknown = 0;
        while (m.find()) {
            int from = m.start();
            int to = m.end();
            while (from < to && isApostrophe(text.charAt(from))) {
                from++;
            }
            while (to > from && isApostrophe(text.charAt(to - 1))) {
                to--;
            }
            if (to == from) {
                continue;
            }
            String word = text.substring(from, to).replace('’', '\'');
            if (isCorrect(word) || exceptions != null && exceptions.matcher(word).find()) {
                continue;
            }
            List<String> suggestions = unknown++ < SUGGESTED_PER_BLOCK ? suggest(word) : List.of();
            out.add(alert(block, from, to, Messages.format(message(), text.substring(from, to)), suggestions));
        }
    }

    private boolean isCorrect(String word) {
        for (Pattern f : filters) {
            if (f.matcher(word).find()) {
                return true;
            }
        }
        if (ignored.contains(word.toLowerCase(Locale.ROOT))) {
            return true;
        }
        synchronized (speller) {
            return speller.spell(word);
        }
    }

    private List<String> suggest(String word) {
        synchronized (suggester) {
            return suggester.suggestNoTimeout(word, () -> { }).stream().limit(5).toList();
        }
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '’';
    }
}
