package hub.vale;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Vale's message formatting: each {@code %s} takes the next argument and {@code %[n]s} the n-th, as Go's Sprintf
 * does; arguments the message does not use are dropped.
 */
final class Messages {

    private static final Pattern INDEXED = Pattern.compile("%\\[(\\d+)]([svq])");

    private Messages() {
    }

    static String format(String template, String... args) {
        if (template == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '%' && i + 1 < template.length()) {
                Matcher indexed = INDEXED.matcher(template).region(i, template.length());
                if (indexed.lookingAt()) {
                    // %[n]s takes the n-th argument; the next plain verb takes the one after it.
                    int n = Integer.parseInt(indexed.group(1));
                    char verb = indexed.group(2).charAt(0);
                    String arg = n >= 1 && n <= args.length ? args[n - 1] : "%!" + verb + "(BADINDEX)";
                    out.append(verb == 'q' ? '"' + arg + '"' : arg);
                    next = n;
                    i = indexed.end() - 1;
                    continue;
                }
                char verb = template.charAt(i + 1);
                if (verb == '%') {
                    out.append('%');
                    i++;
                    continue;
                }
                if (verb == 's' || verb == 'v' || verb == 'q') {
                    String arg = next < args.length ? args[next++] : "%!" + verb + "(MISSING)";
                    out.append(verb == 'q' ? '"' + arg + '"' : arg);
                    i++;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Quoted items joined as a sentence: 'a', 'a' or 'b', 'a', 'b', or 'c'. */
    static String toSentence(List<String> items, String conjunction) {
        List<String> quoted = items.stream().map(s -> "'" + s + "'").toList();
        return switch (quoted.size()) {
            case 0 -> "";
            case 1 -> quoted.get(0);
            case 2 -> quoted.get(0) + " " + conjunction + " " + quoted.get(1);
            default -> String.join(", ", quoted.subList(0, quoted.size() - 1)) + ", " + conjunction + " "
                    + quoted.get(quoted.size() - 1);
        };
    }
}
