package hub.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The literal texts one of which every match of a regular expression starts with, read from the expression's start:
 * a word boundary and look-behinds are skipped, a look-ahead or a group contributes its alternatives (nested groups
 * recursively), and an alternative contributes its leading letters and digits (without the last one when a
 * quantifier makes it optional). An article that contains none of them cannot match, so the rules skip the scan.
 *
 * <p>Empty when the start is anything else (a character class, an escape, an inline flag, an optional group, a
 * prefix shorter than {@value #MIN_LENGTH} chars): then the expression is always run.
 */
final class LiteralPrefixes {

    static final int MIN_LENGTH = 2;

    private final String regex;

    private LiteralPrefixes(String regex) {
        this.regex = regex;
    }

    /** The prefixes of every match of {@code regex}, or empty when they cannot be told from its start. */
    static Optional<List<String>> of(String regex) {
        try {
            List<String> prefixes = new LiteralPrefixes(regex).alternatives(0, regex.length());
            return prefixes == null || prefixes.stream().anyMatch(p -> p.length() < MIN_LENGTH)
                    ? Optional.empty() : Optional.of(List.copyOf(prefixes));
        } catch (IndexOutOfBoundsException malformed) {
            return Optional.empty();
        }
    }

    /** The prefixes of the expression in {@code regex[from, to)}, or null when unknown. */
    private List<String> startingAt(int from, int to) {
        int i = from;
        while (true) {
            if (regex.startsWith("\\b", i)) {
                i += 2;
            } else if (regex.startsWith("(?<!", i) || regex.startsWith("(?<=", i)) {
                i = closing(i) + 1;
            } else {
                break;
            }
        }
        if (i >= to) {
            return null;
        }
        if (regex.startsWith("(?=", i)) {
            return alternatives(i + 3, closing(i));
        }
        if (regex.startsWith("(?:", i) || regex.charAt(i) == '(' && !regex.startsWith("(?", i)) {
            int close = closing(i);
            if (close + 1 < to && isOptional(regex.charAt(close + 1), close + 1)) {
                return null;
            }
            return alternatives(regex.charAt(i + 1) == '?' ? i + 3 : i + 1, close);
        }
        int end = i;
        while (end < to && Character.isLetterOrDigit(regex.charAt(end)) && !Character.isSurrogate(regex.charAt(end))) {
            end++;
        }
        if (end < to && isOptional(regex.charAt(end), end)) {
            end--;
        }
        return end > i ? List.of(regex.substring(i, end)) : null;
    }

    /** The prefixes of the alternatives separated by top-level bars in {@code regex[from, to)}, or null. */
    private List<String> alternatives(int from, int to) {
        List<String> prefixes = new ArrayList<>();
        int start = from;
        int depth = 0;
        for (int i = from; i < to; i = tokenEnd(i) + 1) {
            char c = regex.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                if (!collect(start, i, prefixes)) {
                    return null;
                }
                start = i + 1;
            }
        }
        return depth == 0 && collect(start, to, prefixes) ? prefixes : null;
    }

    /** Adds the prefixes of the alternative {@code regex[from, to)}; false when they are unknown. */
    private boolean collect(int from, int to, List<String> prefixes) {
        List<String> alternative = startingAt(from, to);
        if (alternative != null) {
            prefixes.addAll(alternative);
        }
        return alternative != null;
    }

    /** A quantifier that lets the element before it match nothing. */
    private boolean isOptional(char c, int at) {
        return c == '?' || c == '*' || c == '{' && regex.startsWith("{0", at);
    }

    /** The index of the parenthesis that closes the one at {@code open}. */
    private int closing(int open) {
        int depth = 0;
        for (int i = open; ; i = tokenEnd(i) + 1) {
            char c = regex.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
    }

    /** The index of the last char of the token at {@code at}: the escaped char, a class's closing bracket, or at. */
    private int tokenEnd(int at) {
        char c = regex.charAt(at);
        return c == '\\' ? at + 1 : c == '[' ? classEnd(at) : at;
    }

    /** The index of the bracket that closes the character class opening at {@code open}. */
    private int classEnd(int open) {
        int i = open + 1;
        if (regex.charAt(i) == '^') {
            i++;
        }
        if (regex.charAt(i) == ']') {
            i++;
        }
        for (; regex.charAt(i) != ']'; i = tokenEnd(i) + 1) {
            // Escapes and nested classes are skipped whole.
        }
        return i;
    }
}
