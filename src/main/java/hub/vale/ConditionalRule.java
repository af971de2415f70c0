package hub.vale;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code conditional}: a match of {@code first} needs {@code second}. When {@code second} captures (an acronym's
 * definition, "World Health Organization (WHO)"), each captured value is remembered for the rest of the document
 * and a {@code first} match is fine only if it was captured before; otherwise {@code second} merely has to occur in
 * the same block.
 */
final class ConditionalRule extends Rule {

    private final Pattern first;
    private final Pattern second;
    private final boolean secondCaptures;
    private final Exceptions exceptions;

    ConditionalRule(RuleSpec spec) {
        super(spec);
        this.first = GoRegex.compile(spec.string("first", ""));
        this.second = GoRegex.compile(spec.string("second", ""));
        this.secondCaptures = second.matcher("").groupCount() > 0;
        this.exceptions = Exceptions.of(spec.list("exceptions"));
    }

    @Override
    void run(Block block, Set<String> seen, List<ValeAlert> out) {
        String text = block.text();
        if (!secondCaptures) {
            if (!second.matcher(text).find()) {
                flag(block, m -> true, out);
            }
            return;
        }
        Matcher defined = second.matcher(text);
        while (defined.find()) {
            for (int g = 1; g <= defined.groupCount(); g++) {
                if (defined.group(g) != null && !defined.group(g).isEmpty()) {
                    seen.add(defined.group(g));
                }
            }
        }
        flag(block, used -> !seen.contains(used), out);
    }

    private void flag(Block block, java.util.function.Predicate<String> undefined, List<ValeAlert> out) {
        String text = block.text();
        Matcher m = first.matcher(text);
        while (m.find()) {
            String used = m.group();
            if (m.end() > m.start() && undefined.test(used) && !exceptions.excuses(used, text, m.start(), m.end())) {
                out.add(alert(block, m.start(), m.end()));
            }
        }
    }
}
