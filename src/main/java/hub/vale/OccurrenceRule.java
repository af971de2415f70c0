package hub.vale;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code occurrence}: too many ({@code max}) or too few ({@code min}) matches of {@code token} in one block. The
 * alert sits on the first match, or at the block's start when there is none; its message is not formatted.
 */
final class OccurrenceRule extends Rule {

    private final Pattern pattern;
    private final int max;
    private final int min;

    OccurrenceRule(RuleSpec spec) {
        super(spec);
        String regex = "(?:" + spec.string("token", "") + ")";
        this.pattern = GoRegex.compile(spec.bool("ignorecase") ? "(?i)" + regex : regex);
        this.max = spec.integer("max");
        this.min = spec.integer("min");
    }

    @Override
    void run(Block block, Set<String> seen, List<ValeAlert> out) {
        Matcher m = pattern.matcher(block.text());
        int count = 0;
        int firstStart = -1;
        int firstEnd = -1;
        while (m.find()) {
            if (count++ == 0) {
                firstStart = m.start();
                firstEnd = m.end();
            }
        }
        if ((max > 0 && count > max) || (min > 0 && count < min)) {
            int from = Math.max(firstStart, 0);
            out.add(alert(block, from, Math.max(firstEnd, from), message(), List.of()));
        }
    }
}
