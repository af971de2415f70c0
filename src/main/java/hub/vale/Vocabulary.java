package hub.vale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code Vocab} of a configuration: the entries (words, phrases or patterns, one a line, {@code #} comments) of
 * {@code accept.txt} and {@code reject.txt} in {@code <StylesPath>/config/vocabularies/<Name>/} (Vale 3) or
 * {@code <StylesPath>/Vocab/<Name>/} (Vale 2). Accepted entries join every rule's exceptions (unless the rule says
 * {@code vocab: false}), feed {@code Vale.Terms} and are never misspellings; rejected ones feed {@code Vale.Avoid}.
 */
public record Vocabulary(List<String> accepted, List<String> rejected) {

    public static final Vocabulary NONE = new Vocabulary(List.of(), List.of());

    public Vocabulary {
        accepted = List.copyOf(accepted);
        rejected = List.copyOf(rejected);
    }

    /** The vocabularies {@code names} under {@code stylesPath}; a missing one is a warning in {@code warnings}. */
    public static Vocabulary load(Path stylesPath, List<String> names, List<String> warnings) {
        List<String> accepted = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        for (String name : names) {
            Path dir = stylesPath.resolve("config/vocabularies").resolve(name);
            if (!Files.isDirectory(dir)) {
                dir = stylesPath.resolve("Vocab").resolve(name);
            }
            if (!Files.isDirectory(dir)) {
                warnings.add("Vocab '" + name + "' not found in " + stylesPath.resolve("config/vocabularies")
                        + " or " + stylesPath.resolve("Vocab") + ": ignored");
                continue;
            }
            accepted.addAll(entries(dir.resolve("accept.txt")));
            rejected.addAll(entries(dir.resolve("reject.txt")));
        }
        return new Vocabulary(accepted, rejected);
    }

    private static List<String> entries(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    boolean isEmpty() {
        return accepted.isEmpty() && rejected.isEmpty();
    }
}
