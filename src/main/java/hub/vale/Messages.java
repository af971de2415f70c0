package hub.vale;

import java.util.List;

/** Vale's message formatting: each {@code %s} takes the next argument, as Go's Sprintf does. */
final class Messages {

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
