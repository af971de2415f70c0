package hub.vale;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code existence}: every match of the tokens (after {@code raw}, or before it with {@code append}) is an alert. */
final class ExistenceRule extends Rule {

    private final Pattern pattern;
    private final Exceptions exceptions;

    ExistenceRule(RuleSpec spec) {
        super(spec);
        List<String> tokens = spec.list("tokens").stream().filter(t -> !t.isBlank()).toList();
        String raw = String.join("", spec.list("raw"));
        boolean words = !spec.bool("nonword") && !tokens.isEmpty();
        String body = WordTemplate.wrap(String.join("|", tokens), words, false);
        String regex = spec.bool("append") ? body + raw : raw + body;
        this.pattern = GoRegex.compile(spec.bool("ignorecase") ? "(?i)" + regex : regex);
        this.exceptions = Exceptions.of(spec.list("exceptions"));
    }

    @Override
    void run(Block block, Set<String> seen, List<ValeAlert> out) {
        String text = block.text();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (m.end() > m.start() && !exceptions.excuses(m.group().strip(), text, m.start(), m.end())) {
                out.add(alert(block, m.start(), m.end()));
            }
        }
    }
}
