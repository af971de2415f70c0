package hub.vale;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code repetition}: the same token twice in a row ("the the"), more than {@code max} times, within one sentence.
 * With {@code alpha} only tokens made of letters count.
 */
final class RepetitionRule extends Rule {

    private final Pattern pattern;
    private final int max;
    private final boolean ignoreCase;
    private final boolean alpha;
    private final Exceptions exceptions;

    RepetitionRule(RuleSpec spec) {
        super(spec);
        this.ignoreCase = spec.bool("ignorecase");
        String regex = "(" + String.join("|", spec.list("tokens")) + ")";
        this.pattern = GoRegex.compile(ignoreCase ? "(?i)" + regex : regex);
        this.max = spec.integer("max");
        this.alpha = spec.bool("alpha");
        this.exceptions = Exceptions.of(spec.list("exceptions"));
    }

    @Override
    void run(Block block, Set<String> seen, List<ValeAlert> out) {
        String text = block.text();
        Matcher m = pattern.matcher(text);
        String previous = "";
        int previousStart = -1;
        int count = 0;
        while (m.find()) {
            String current = m.group().strip();
            boolean hit = !current.isEmpty() && (ignoreCase ? current.equalsIgnoreCase(previous)
                    : current.equals(previous));
            hit = hit && (!alpha || current.chars().allMatch(Character::isLetter));
            if (hit) {
                count++;
            }
            if (hit && count > max) {
                String span = text.substring(previousStart, m.end());
                if (Sentences.spans(span).size() == 1 && !exceptions.excuses(span, text, previousStart, m.end())) {
                    out.add(alert(block, previousStart, m.end(), Messages.format(message(), current), List.of()));
                    count = 0;
                }
            }
            previousStart = m.start();
            previous = current;
        }
    }
}
