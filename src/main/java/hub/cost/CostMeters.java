package hub.cost;

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

    private final MeterRegistry registry;

    public CostMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Records the {@code reportCost} property of a job whose report was just stored. */
    public void record(Exchange exchange) {
        ReportCost cost = exchange.getProperty("reportCost", ReportCost.class);
        if (cost == null) {
            return;
        }
        add("compliance_cost_eur", "Estimated cost of completed checks in EUR", "llm", cost.llm().eur());
        add("compliance_cost_eur", "Estimated cost of completed checks in EUR", "smart_search", cost.smartSearch().eur());
        add("cache_savings_eur", "Cost the caches saved completed checks, in EUR", "llm", cost.llm().savedEur());
        add("cache_savings_eur", "Cost the caches saved completed checks, in EUR", "smart_search",
                cost.smartSearch().savedEur());
    }

    private void add(String name, String description, String kind, double eur) {
        Counter.builder(name).description(description).tag("kind", kind).register(registry).increment(eur);
    }
}
