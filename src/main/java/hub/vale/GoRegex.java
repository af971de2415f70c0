package hub.vale;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles the regular expressions of Vale rules as Java patterns. Vale compiles rules with regexp2, a .NET-style
 * engine that accepts Go's syntax too; {@link #translate} rewrites what {@code java.util.regex} reads differently:
 * <ul>
 * <li>named groups: {@code (?P<name>)}, {@code (?'name')} and names Java refuses ({@code first_word}) become
 * {@code (?<firstword>)}, with their back-references {@code \k<name>} and {@code (?P=name)};</li>
 * <li>POSIX classes inside brackets ({@code [[:alpha:]]});</li>
 * <li>a {@code [} inside a character class is a literal (Java would open a nested class), and so is {@code &&};</li>
 * <li>a brace that is not a quantifier ({@code {context}}, {@code (?!{)}, {@code x{,3}}) is a literal;</li>
 * <li>inside a look-behind, an unbounded quantifier ({@code *}, {@code +}, {@code {n,}}, greedy or lazy) is bounded
 * to {@value #LOOK_BEHIND_BOUND} repetitions: Java needs an obvious maximum length, regexp2 does not. A look-behind
 * therefore sees at most that many repetitions of each such item.</li>
 * </ul>
 * What still does not compile (a back-reference inside a look-behind, whose length Java cannot bound) fails with
 * {@link UntranslatableRegexException} naming the construct. Case-insensitive matching of a pattern with non-ASCII
 * letters folds Unicode case, as Vale does; an ASCII pattern folds ASCII only, which is several times faster and
 * differs only for the Kelvin sign and the long s.
 */
final class GoRegex {

    /** How many repetitions an unbounded quantifier inside a look-behind may match. */
    static final int LOOK_BEHIND_BOUND = 100;

    private static final Pattern CASE_FLAG = Pattern.compile("\\(\\?([a-zA-Z]*)i([a-zA-Z-]*)\\)");
    private static final Pattern QUANTIFIER_BRACE = Pattern.compile("\\{(\\d+)(,(\\d*))?}");
    private static final Pattern POSIX_CLASS = Pattern.compile(
            "\\[:(\\^?)(alnum|alpha|ascii|blank|cntrl|digit|graph|lower|print|punct|space|upper|word|xdigit):]");

    /** A pattern Java cannot run even after translation; the message names the construct. */
    static final class UntranslatableRegexException extends IllegalArgumentException {

        UntranslatableRegexException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private GoRegex() {
    }

    static Pattern compile(String goPattern) {
        String java = translate(goPattern);
        boolean foldsNonAscii = CASE_FLAG.matcher(java).find() && !java.chars().allMatch(c -> c < 128);
        int flags = foldsNonAscii ? Pattern.UNICODE_CASE : 0;
        try {
            return Pattern.compile(java, flags);
        } catch (PatternSyntaxException e) {
            throw new UntranslatableRegexException("pattern does not compile in Java: " + construct(goPattern, e)
                    + " in " + goPattern, e);
        }
    }

    /** What made Java refuse the pattern, in words. */
    private static String construct(String goPattern, PatternSyntaxException e) {
        if (e.getDescription().contains("Look-behind") && hasBackReferenceInLookBehind(goPattern)) {
            return "a back-reference inside a look-behind (Java cannot bound its length)";
        }
        return e.getDescription().toLowerCase(java.util.Locale.ROOT) + " near index " + e.getIndex();
    }

    private static boolean hasBackReferenceInLookBehind(String p) {
        int depth = 0;
        Deque<Boolean> groups = new ArrayDeque<>();
        boolean inClass = false;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\\' && i + 1 < p.length()) {
                char n = p.charAt(i + 1);
                if (!inClass && depth > 0 && (Character.isDigit(n) && n != '0' || n == 'k')) {
                    return true;
                }
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                boolean behind = p.startsWith("(?<=", i) || p.startsWith("(?<!", i);
                groups.push(behind);
                depth += behind ? 1 : 0;
            } else if (c == ')' && !groups.isEmpty()) {
                depth -= groups.pop() ? 1 : 0;
            } else if (depth > 0 && p.startsWith("(?P=", i)) {
                return true;
            }
        }
        return false;
    }

    /** The Java spelling of a Vale pattern (see the class comment). */
    static String translate(String goPattern) {
        return new Translator(goPattern).run();
    }

    /** The number of capturing groups of a pattern on its own. */
    static int groupCount(String goPattern) {
        return compile(goPattern).matcher("").groupCount();
    }

    private static final class Translator {

        private final String p;
        private final StringBuilder out = new StringBuilder();
        private final Deque<Boolean> groups = new ArrayDeque<>();
        private final Map<String, String> names = new HashMap<>();
        private int lookBehinds;
        /** Whether the last thing written can take a quantifier. */
        private boolean quantifiable;
        private int i;

        Translator(String p) {
            this.p = p;
        }

        String run() {
            while (i < p.length()) {
                char c = p.charAt(i);
                switch (c) {
                    case '\\' -> escape();
                    case '[' -> characterClass();
                    case '(' -> open();
                    case ')' -> {
                        out.append(')');
                        if (!groups.isEmpty() && groups.pop()) {
                            lookBehinds--;
                        }
                        quantifiable = true;
                        i++;
                    }
                    case '{' -> brace();
                    case '*', '+' -> {
                        quantifier(c == '*' ? 0 : 1);
                        i++;
                    }
                    case '?' -> {
                        out.append('?');
                        i++;
                        quantifiable = false;
                    }
                    case '|' -> {
                        out.append('|');
                        quantifiable = false;
                        i++;
                    }
                    default -> {
                        out.append(c);
                        quantifiable = c != '^';
                        i++;
                    }
                }
            }
            return out.toString();
        }

        private void escape() {
            if (i + 1 >= p.length()) {
                out.append('\\');
                i++;
                return;
            }
            char n = p.charAt(i + 1);
            if (n == 'k' && i + 2 < p.length() && (p.charAt(i + 2) == '<' || p.charAt(i + 2) == '\'')) {
                char close = p.charAt(i + 2) == '<' ? '>' : '\'';
                int end = p.indexOf(close, i + 3);
                if (end > 0) {
                    out.append("\\k<").append(javaName(p.substring(i + 3, end))).append('>');
                    i = end + 1;
                    quantifiable = true;
                    return;
                }
            }
            if ((n == 'p' || n == 'P' || n == 'x') && i + 2 < p.length() && p.charAt(i + 2) == '{') {
                int end = p.indexOf('}', i + 3);
                if (end > 0) {
                    out.append(p, i, end + 1);
                    i = end + 1;
                    quantifiable = true;
                    return;
                }
            }
            if (n == 'Q') {
                int end = p.indexOf("\\E", i + 2);
                int stop = end < 0 ? p.length() : end + 2;
                out.append(p, i, stop);
                i = stop;
                quantifiable = true;
                return;
            }
            out.append('\\').append(n);
            quantifiable = "bBAzZG".indexOf(n) < 0;
            i += 2;
        }

        private void characterClass() {
            out.append('[');
            i++;
            if (i < p.length() && p.charAt(i) == '^') {
                out.append('^');
                i++;
            }
            if (i < p.length() && p.charAt(i) == ']') {
                out.append("\\]");
                i++;
            }
            while (i < p.length() && p.charAt(i) != ']') {
                char c = p.charAt(i);
                Matcher posix = POSIX_CLASS.matcher(p).region(i, p.length());
                if (c == '\\' && i + 1 < p.length()) {
                    int end = i + 2;
                    if ("pPx".indexOf(p.charAt(i + 1)) >= 0 && end < p.length() && p.charAt(end) == '{') {
                        end = Math.max(end, p.indexOf('}', end) + 1);
                    }
                    out.append(p, i, end);
                    i = end;
                } else if (c == '[' && posix.lookingAt()) {
                    out.append(posix(posix.group(1), posix.group(2)));
                    i = posix.end();
                } else if (c == '[') {
                    out.append("\\[");
                    i++;
                } else if (c == '&' && i + 1 < p.length() && p.charAt(i + 1) == '&') {
                    out.append("&\\&");
                    i += 2;
                } else {
                    out.append(c);
                    i++;
                }
            }
            if (i < p.length()) {
                out.append(']');
                i++;
            }
            quantifiable = true;
        }

        private void open() {
            boolean behind = p.startsWith("(?<=", i) || p.startsWith("(?<!", i);
            String name = null;
            int after = i + 1;
            if (p.startsWith("(?P=", i)) {
                int end = p.indexOf(')', i);
                if (end > 0) {
                    out.append("\\k<").append(javaName(p.substring(i + 4, end))).append('>');
                    i = end + 1;
                    quantifiable = true;
                    return;
                }
            }
            if (p.startsWith("(?P<", i)) {
                int end = p.indexOf('>', i);
                name = end > 0 ? p.substring(i + 4, end) : null;
                after = end + 1;
            } else if (!behind && p.startsWith("(?<", i)) {
                int end = p.indexOf('>', i);
                name = end > 0 ? p.substring(i + 3, end) : null;
                after = end + 1;
            } else if (p.startsWith("(?'", i)) {
                int end = p.indexOf('\'', i + 3);
                name = end > 0 ? p.substring(i + 3, end) : null;
                after = end + 1;
            }
            if (name != null) {
                out.append("(?<").append(javaName(name)).append('>');
                i = after;
                groups.push(false);
                quantifiable = false;
                return;
            }
            if (p.startsWith("(?", i) && !behind) {
                int end = i + 2;
                while (end < p.length() && (Character.isLetter(p.charAt(end)) || p.charAt(end) == '-')) {
                    end++;
                }
                if (end < p.length() && p.charAt(end) == ')' && end > i + 2) {
                    out.append(p, i, end + 1);
                    i = end + 1;
                    quantifiable = false;
                    return;
                }
            }
            groups.push(behind);
            if (behind) {
                lookBehinds++;
                out.append(p, i, i + 4);
                i += 4;
            } else {
                out.append('(');
                i++;
            }
            quantifiable = false;
        }

        private void brace() {
            Matcher m = QUANTIFIER_BRACE.matcher(p).region(i, p.length());
            if (quantifiable && m.lookingAt()) {
                int min = Integer.parseInt(m.group(1));
                if (m.group(2) != null && m.group(3).isEmpty()) {
                    quantifier(min);
                } else {
                    out.append(m.group());
                    quantifiable = false;
                }
                i = m.end();
                return;
            }
            out.append("\\{");
            quantifiable = true;
            i++;
        }

        /** An unbounded quantifier with its minimum; inside a look-behind it gets the bound. */
        private void quantifier(int min) {
            if (lookBehinds > 0) {
                out.append('{').append(min).append(',').append(Math.max(min, LOOK_BEHIND_BOUND)).append('}');
            } else if (min <= 1 && p.charAt(i) != '{') {
                out.append(p.charAt(i));
            } else {
                out.append('{').append(min).append(",}");
            }
            quantifiable = false;
        }

        /** A group name Java accepts: ASCII letters and digits, starting with a letter. */
        private String javaName(String name) {
            return names.computeIfAbsent(name, n -> {
                StringBuilder b = new StringBuilder();
                n.chars().filter(ch -> ch < 128 && Character.isLetterOrDigit(ch)).forEach(ch -> b.append((char) ch));
                if (b.isEmpty() || !Character.isLetter(b.charAt(0))) {
                    b.insert(0, 'g');
                }
                String candidate = b.toString();
                int k = 2;
                while (names.containsValue(candidate)) {
                    candidate = b.toString() + k++;
                }
                return candidate;
            });
        }

        private static String posix(String negated, String name) {
            String cls = switch (name) {
                case "alnum" -> "\\p{Alnum}";
                case "alpha" -> "\\p{Alpha}";
                case "ascii" -> "\\p{ASCII}";
                case "blank" -> "\\p{Blank}";
                case "cntrl" -> "\\p{Cntrl}";
                case "digit" -> "\\p{Digit}";
                case "graph" -> "\\p{Graph}";
                case "lower" -> "\\p{Lower}";
                case "print" -> "\\p{Print}";
                case "punct" -> "\\p{Punct}";
                case "space" -> "\\s";
                case "upper" -> "\\p{Upper}";
                case "word" -> "\\w";
                default -> "\\p{XDigit}";
            };
            if (!negated.isEmpty()) {
                cls = cls.startsWith("\\p") ? "\\P" + cls.substring(2) : cls.toUpperCase();
            }
            return cls;
        }
    }
}
