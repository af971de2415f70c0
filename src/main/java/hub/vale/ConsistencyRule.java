package hub.vale;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code consistency}: of each {@code either} pair only one form may appear in a document. Once both have been
 * seen, a block containing either is flagged at its last such match.
 */
final class ConsistencyRule extends Rule {

    private record Pair(Pattern pattern, String first, String second) {}

    private final List<Pair> pairs = new ArrayList<>();

    ConsistencyRule(RuleSpec spec) {
        super(spec);
        int n = 0;
        for (Map.Entry<String, String> e : spec.map("either").entrySet()) {
            String first = "c" + n + "a";
            String second = "c" + n + "b";
            String alternatives = "(?<" + first + ">" + e.getKey() + ")|(?<" + second + ">" + e.getValue() + ")";
            pairs.add(new Pair(GoRegex.compile(WordTemplate.wrap(alternatives, !spec.bool("nonword"),
                    spec.bool("ignorecase"))), first, second));
            n++;
        }
    }

    @Override
    void run(Block block, Set<String> seen, List<ValeAlert> out) {
        for (Pair pair : pairs) {
            Matcher m = pair.pattern().matcher(block.text());
            int from = -1;
            int to = -1;
            while (m.find()) {
                String group = m.start(pair.first()) >= 0 ? pair.first() : pair.second();
                seen.add(group);
                from = m.start(group);
                to = m.end(group);
            }
            if (from >= 0 && seen.contains(pair.first()) && seen.contains(pair.second())) {
                out.add(alert(block, from, to));
            }
        }
    }
}
