package hub.vale;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code substitution}: each {@code swap} key is a pattern whose match should read as its value. The value may
 * offer alternatives ({@code a|b}) and refer to the key's own groups ({@code $1}). A match that already reads as
 * the value is not an alert. With {@code capitalize: true} (Vale 3; off by default) a match that starts with a capital
 * gets suggestions that start with one too.
 */
final class SubstitutionRule extends Rule {

    private final Pattern pattern;
    private final List<Swap> swaps;
    private final boolean ignoreCase;
    private final boolean capitalize;
    private final Exceptions exceptions;

    private record Swap(int group, int ownGroups, String replacement) {}

    SubstitutionRule(RuleSpec spec) {
        super(spec);
        this.ignoreCase = spec.bool("ignorecase");
        this.capitalize = spec.bool("capitalize");
        List<Map.Entry<String, String>> entries = new ArrayList<>(spec.map("swap").entrySet());
        entries.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
        List<Swap> list = new ArrayList<>();
        List<String> alternatives = new ArrayList<>();
        int group = 1;
        for (Map.Entry<String, String> e : entries) {
            int own = GoRegex.groupCount(e.getKey());
            list.add(new Swap(group, own, e.getValue()));
            alternatives.add("(" + e.getKey() + ")");
            group += 1 + own;
        }
        this.swaps = List.copyOf(list);
        this.pattern = GoRegex.compile(WordTemplate.wrap(String.join("|", alternatives), !spec.bool("nonword"),
                ignoreCase));
        this.exceptions = Exceptions.of(spec.list("exceptions"));
    }

    @Override
    void run(Block block, Set<String> seen, List<ValeAlert> out) {
        String text = block.text();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            for (Swap swap : swaps) {
                if (m.start(swap.group()) < 0) {
                    continue;
                }
                int from = m.start(swap.group());
                int to = m.end(swap.group());
                String observed = text.substring(from, to).strip();
                String expected = expand(swap, m);
                boolean capitalized = capitalize && observed.equals(capFirst(observed));
                if (capitalized) {
                    expected = capFirst(expected);
                }
                if (!conforms(expected, observed) && !exceptions.excuses(observed, text, from, to) && to > from) {
                    out.add(substitute(block, from, to, expected, observed, capitalized));
                }
                break;
            }
        }
    }

    private ValeAlert substitute(Block block, int from, int to, String expected, String observed,
            boolean capitalized) {
        List<String> options = Arrays.stream(expected.split("\\|"))
                .map(o -> capitalized ? capFirst(o) : o).toList();
        String template = message();
        String shown = expected;
        if (action().name().equals("replace") && action().params().isEmpty()) {
            shown = Messages.toSentence(options, "or");
            template = unquoteFirst(template);
        }
        return alert(block, from, to, Messages.format(template, shown, observed), options);
    }

    /** Whether {@code observed} already reads as {@code expected} (a literal phrase, or else a pattern). */
    private boolean conforms(String expected, String observed) {
        if (isPhrase(expected)) {
            return expected.equals(observed);
        }
        try {
            return GoRegex.compile("^(?:" + (ignoreCase ? "(?i)" : "") + expected + ")$").matcher(observed).matches();
        } catch (IllegalArgumentException e) {
            return expected.equals(observed);
        }
    }

    private static String expand(Swap swap, Matcher m) {
        String value = swap.replacement();
        for (int g = swap.ownGroups(); g >= 1; g--) {
            String captured = m.group(swap.group() + g);
            value = value.replace("$" + g, captured == null ? "" : captured);
        }
        return value;
    }

    /** Vale's {@code CapFirst}: the first character in upper case. */
    private static String capFirst(String s) {
        return s.isEmpty() ? s : s.substring(0, s.offsetByCodePoints(0, 1)).toUpperCase(java.util.Locale.ROOT)
                + s.substring(s.offsetByCodePoints(0, 1));
    }

    private static boolean isPhrase(String s) {
        return s.chars().allMatch(c -> Character.isLetter(c) || c == ' ');
    }

    /** The alternatives arrive quoted, so a message quoting the first {@code %s} twice drops those quotes. */
    private static String unquoteFirst(String template) {
        for (String spec : List.of("'%s'", "\"%s\"")) {
            if (template.split(Pattern.quote(spec), -1).length - 1 == 2) {
                return template.replaceFirst(Pattern.quote(spec), "%s");
            }
        }
        return template;
    }
}
