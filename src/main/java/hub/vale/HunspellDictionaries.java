package hub.vale;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.hunspell.Dictionary;
import org.apache.lucene.analysis.hunspell.Hunspell;
import org.apache.lucene.analysis.hunspell.Suggester;
import org.apache.lucene.analysis.hunspell.TimeoutPolicy;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Hunspell dictionaries ({@code name.aff} and {@code name.dic}) read by Lucene's Hunspell implementation, each
 * file set loaded once per JVM. A dictionary is looked up, in order, in the rule's {@code dicpath} (relative to
 * StylesPath), in {@code $DICPATH}, in {@code <StylesPath>/config/dictionaries}, then in Debian's
 * {@code /usr/share/hunspell} ({@code apt-get install hunspell-en-us}); Vale's own bundled dictionary is not
 * shipped, so without any of these the rule is skipped with a warning that names the places searched.
 */
final class HunspellDictionaries {

    static final Path DEBIAN = Path.of("/usr/share/hunspell");
    private static final Map<List<Path>, Dictionary> LOADED = new ConcurrentHashMap<>();
    private static final Map<List<Path>, Hunspell> SPELLERS = new ConcurrentHashMap<>();
    private static final Map<List<Path>, Suggester> SUGGESTERS = new ConcurrentHashMap<>();

    private HunspellDictionaries() {
    }

    /** The folders searched for a dictionary, in order. */
    static List<Path> searchPath(Path stylesPath, String dicpath) {
        List<Path> dirs = new ArrayList<>();
        if (dicpath != null && !dicpath.isBlank()) {
            dirs.add(stylesPath == null ? Path.of(dicpath) : stylesPath.resolve(dicpath).normalize());
        }
        String env = System.getenv("DICPATH");
        if (env != null && !env.isBlank()) {
            for (String d : env.split(java.io.File.pathSeparator)) {
                dirs.add(Path.of(d));
            }
        }
        if (stylesPath != null) {
            dirs.add(stylesPath.resolve("config/dictionaries"));
        }
        dirs.add(DEBIAN);
        return dirs;
    }

    /** The {@code .aff} of dictionary {@code name} in the first folder of {@code dirs} holding both files. */
    static Optional<Path> find(List<Path> dirs, String name) {
        for (Path dir : dirs) {
            Path aff = dir.resolve(name + ".aff");
            if (Files.isRegularFile(aff) && Files.isRegularFile(dir.resolve(name + ".dic"))) {
                return Optional.of(aff);
            }
        }
        return Optional.empty();
    }

    /** One speller over the dictionaries whose {@code .aff} files are given (their {@code .dic} beside them). */
    static Hunspell load(List<Path> affFiles) {
        return SPELLERS.computeIfAbsent(List.copyOf(affFiles),
                key -> new Hunspell(dictionary(key), TimeoutPolicy.NO_TIMEOUT, () -> { }));
    }

    /** Suggestions from the same dictionaries, without a time limit. */
    static Suggester suggester(List<Path> affFiles) {
        return SUGGESTERS.computeIfAbsent(List.copyOf(affFiles), key -> new Suggester(dictionary(key)));
    }

    private static Dictionary dictionary(List<Path> affFiles) {
        return LOADED.computeIfAbsent(affFiles, HunspellDictionaries::read);
    }

    private static Dictionary read(List<Path> affFiles) {
        // Lucene reads one affix file with any number of word lists; the first dictionary's affixes apply.
        Path aff = affFiles.get(0);
        List<InputStream> dics = new ArrayList<>();
        try (InputStream affix = Files.newInputStream(aff); ByteBuffersDirectory temp = new ByteBuffersDirectory()) {
            for (Path a : affFiles) {
                String base = a.getFileName().toString();
                dics.add(Files.newInputStream(a.resolveSibling(base.substring(0, base.length() - 4) + ".dic")));
            }
            return new Dictionary(temp, "vale", affix, dics, false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Hunspell dictionary " + aff, e);
        } catch (ParseException e) {
            throw new IllegalArgumentException("Hunspell dictionary " + aff + " is not valid: " + e.getMessage(), e);
        } finally {
            for (InputStream in : dics) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // closing a read stream
                }
            }
        }
    }
}
