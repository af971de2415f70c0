package hub.cost;

import hub.report.model.ReportCost;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The cost meters of completed checks: {@code compliance_cost_eur_total{kind}} (what was spent) and
 * {@code cache_savings_eur_total{kind}} (what the caches saved), kind {@code llm} or {@code smart_search}. The token
 * counts are {@code llm_tokens_total{model,kind}}, counted per call by {@link hub.llm.LlmMetrics}.
 */
@Component("costMeters")
public class CostMeters {

    private static final String SPENT = "compliance_cost_eur";
    private static final String SPENT_HELP = "Estimated cost of completed checks in EUR";
    private static final String SAVED = "cache_savings_eur";
    private static final String SAVED_HELP = "Cost the caches saved completed checks, in EUR";

    private final MeterRegistry registry;

    public CostMeters(MeterRegistry registry) {
        this.registry = registry;
        for (String kind : new String[] {"llm", "smart_search"}) {
            add(SPENT, SPENT_HELP, kind, 0);
            add(SAVED, SAVED_HELP, kind, 0);
        }
    }

    /** Records the {@code reportCost} property of a job whose report was just stored. */
    public void record(Exchange exchange) {
        ReportCost cost = exchange.getProperty("reportCost", ReportCost.class);
        if (cost == null) {
            return;
        }
        add(SPENT, SPENT_HELP, "llm", cost.llm().eur());
        add(SPENT, SPENT_HELP, "smart_search", cost.smartSearch().eur());
        add(SAVED, SAVED_HELP, "llm", cost.llm().savedEur());
        add(SAVED, SAVED_HELP, "smart_search", cost.smartSearch().savedEur());
    }

    private void add(String name, String description, String kind, double eur) {
        Counter.builder(name).description(description).tag("kind", kind).register(registry).increment(eur);
    }
}
