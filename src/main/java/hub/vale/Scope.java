package hub.vale;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A rule's {@code scope}: a list of selectors, any of which may match a block. A selector such as
 * {@code heading.h1} matches a block whose scope ({@code text.heading.h1.md}) has all of its dot-separated parts;
 * {@code a & b} needs both, and a leading {@code ~} negates a part. Sized scopes ({@code raw}, {@code summary}) never
 * match a negated part.
 */
record Scope(List<List<String>> selectors) {

    static final Scope TEXT = of(List.of("text"));

    static Scope of(List<String> values) {
        return new Scope(values.stream()
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .map(v -> Arrays.stream(v.split("&")).map(String::strip).toList())
                .toList());
    }

    boolean matches(String blockScope) {
        Set<String> parts = Set.of(blockScope.split("\\."));
        return selectors.stream().anyMatch(selector -> selector.stream().allMatch(part -> partMatches(part, parts)));
    }

    private static boolean partMatches(String part, Set<String> blockParts) {
        boolean negated = part.startsWith("~");
        List<String> wanted = List.of((negated ? part.substring(1) : part).split("\\."));
        boolean contained = blockParts.containsAll(wanted);
        if (negated) {
            return !contained && !blockParts.contains("raw") && !blockParts.contains("summary");
        }
        return contained;
    }
}
