package hub.vale;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code metric}: a formula over the document's counts (see {@link TextStats}, plus the number of list, blockquote,
 * pre and heading_hN blocks) compared with {@code condition}; the message's {@code %s} is the value.
 */
final class MetricRule extends Rule {

    private final String formula;
    private final String condition;

    MetricRule(RuleSpec spec) {
        super(spec, Scope.of(List.of("summary")));
        this.formula = spec.string("formula", "").replaceAll("heading\\.(h[1-6])", "heading_$1");
        this.condition = spec.string("condition", "");
        Formula.validate(formula);
        Formula.validate("1 " + condition);
    }

    @Override
    public List<ValeAlert> check(ValeDocument document) {
        Block summary = document.blocks().stream().filter(b -> b.scope().startsWith("summary")).findFirst()
                .orElseThrow();
        Map<String, Double> variables = TextStats.of(summary.text()).variables();
        for (String name : List.of("pre", "list", "blockquote", "heading_h1", "heading_h2", "heading_h3",
                "heading_h4", "heading_h5", "heading_h6")) {
            String scope = name.replace('_', '.');
            variables.put(name, (double) document.blocks().stream()
                    .filter(b -> List.of(b.scope().split("\\.")).containsAll(List.of(scope.split("\\.")))).count());
        }
        double value = Formula.evaluate(formula, variables);
        if (Formula.evaluate(value + " " + condition, variables) == 0) {
            return List.of();
        }
        String shown = String.format(Locale.ROOT, "%.2f", value);
        return List.of(new ValeAlert(name(), level(), Messages.format(message(), shown), link(), 0, 0, "",
                List.of()));
    }

    @Override
    void run(Block block, Set<String> seen, List<ValeAlert> out) {
        throw new UnsupportedOperationException("metric rules judge the whole document");
    }
}
