package hub.vale;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles the regular expressions of Vale rules (Go/regexp2 syntax) as Java patterns. The dialects agree on what
 * styles use (classes, lookarounds, inline flags); the differences translated here are named groups
 * ({@code (?P<name>)}) and POSIX classes inside brackets ({@code [[:alpha:]]}). Case-insensitive matching of a
 * pattern with non-ASCII letters folds Unicode case, as Go does; an ASCII pattern folds ASCII only, which is
 * several times faster and differs only for the Kelvin sign and the long s.
 */
final class GoRegex {

    private static final Pattern POSIX = Pattern.compile("\\[:(\\^?)(alnum|alpha|ascii|blank|cntrl|digit|graph|lower|print|punct|space|upper|word|xdigit):]");
    private static final Pattern CASE_FLAG = Pattern.compile("\\(\\?([a-zA-Z]*)i([a-zA-Z-]*)\\)");

    private GoRegex() {
    }

    static Pattern compile(String goPattern) {
        String java = translate(goPattern);
        boolean foldsNonAscii = CASE_FLAG.matcher(java).find() && !java.chars().allMatch(c -> c < 128);
        int flags = foldsNonAscii ? Pattern.UNICODE_CASE : 0;
        try {
            return Pattern.compile(java, flags);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("pattern does not compile: " + e.getDescription() + " in " + goPattern, e);
        }
    }

    static String translate(String goPattern) {
        String named = goPattern.replace("(?P<", "(?<");
        Matcher m = POSIX.matcher(named);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String cls = switch (m.group(2)) {
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
            if (!m.group(1).isEmpty()) {
                cls = cls.startsWith("\\p") ? "\\P" + cls.substring(2) : cls.toUpperCase();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(cls));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The number of capturing groups of a pattern on its own. */
    static int groupCount(String goPattern) {
        return compile(goPattern).matcher("").groupCount();
    }
}
