package hub.vale;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code readability}: the mean grade of the chosen {@code metrics} (Gunning Fog, Coleman-Liau, Flesch-Kincaid,
 * SMOG, Automated Readability) over the document's prose must not exceed {@code grade}.
 */
final class ReadabilityRule extends Rule {

    private static final Set<String> METRICS = Set.of("Gunning Fog", "Coleman-Liau", "Flesch-Kincaid", "SMOG",
            "Automated Readability");

    private final List<String> metrics;
    private final double grade;

    ReadabilityRule(RuleSpec spec) {
        super(spec, Scope.of(List.of("summary")));
        this.metrics = spec.list("metrics");
        this.grade = spec.number("grade", 0);
        for (String m : metrics) {
            if (!METRICS.contains(m)) {
                throw new IllegalArgumentException("unknown readability metric '" + m + "'; use one of " + METRICS);
            }
        }
    }

    @Override
    void run(Block block, Set<String> seen, List<ValeAlert> out) {
        TextStats stats = TextStats.of(block.text());
        if (stats.words() == 0 || metrics.isEmpty()) {
            return;
        }
        double sum = 0;
        for (String m : metrics) {
            sum += switch (m) {
                case "Gunning Fog" -> stats.gunningFog();
                case "Coleman-Liau" -> stats.colemanLiau();
                case "Flesch-Kincaid" -> stats.fleschKincaid();
                case "SMOG" -> stats.smog();
                default -> stats.automatedReadability();
            };
        }
        double mean = sum / metrics.size();
        if (mean > grade) {
            String shown = String.format(Locale.ROOT, "%.2f", mean);
            out.add(new ValeAlert(name(), level(), Messages.format(message(), shown), link(), 0, 0, "", List.of()));
        }
    }
}
