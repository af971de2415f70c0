package hub.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import hub.report.model.GtcFetched;
import hub.report.model.GtcLookup;
import hub.report.model.ReportCost;
import hub.report.model.Severity;
import hub.report.model.ComplianceReport.GtcSection;
import hub.report.model.EvaluatedBy;
import hub.report.model.GuidelineResult;
import hub.report.model.GuidelineResult.LlmCall;
import hub.report.model.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostCalculatorTest {

    private final CostPrices prices = new CostPrices(new CostPrices.ModelPrice(1.0, 4.0),
            Map.of("cheap", new CostPrices.ModelPrice(0.1, 0.2)), 0.03, 0.30);
    private final CostCalculator costs = new CostCalculator(prices);

    @Test
    void tokensTimesPricesPerModelAndWhatReuseSaved() {
        GuidelineResult a = result(new LlmCall("claude", 2, 1000, 100, 5), null);
        GuidelineResult b = result(new LlmCall("cheap", 1, 2000, 500, 5), new LlmCall("claude", 3, 3000, 300, 0));

        ReportCost cost = costs.of(List.of(a, b), null, null);

        assertThat(cost.llm().models().get("claude").eur()).isCloseTo(1.0 + 0.4, within(1e-9));
        assertThat(cost.llm().models().get("cheap").eur()).isCloseTo(0.2 + 0.1, within(1e-9));
        assertThat(cost.llm().reusedCalls()).isEqualTo(3);
        assertThat(cost.llm().reusedPromptTokens()).isEqualTo(3000);
        assertThat(cost.savedEur()).isCloseTo(3.0 + 1.2, within(1e-9));
        assertThat(cost.totalEur()).isCloseTo(1.7, within(1e-9));
    }

    @Test
    void smartSearchCallsAndCacheHitsAreCountedApart() {
        GtcSection gtc = new GtcSection("VALIDATED", null,
                List.of(new GtcLookup("q1", "primary", List.of(), null), new GtcLookup("q2", "cache", List.of(), null),
                        new GtcLookup("q3", "stale", List.of(), "old"), new GtcLookup("q4", "none", List.of(), "down")),
                List.of(new GtcFetched("g1", "t", "1", "blob", false, 3, null, null),
                        new GtcFetched("g2", "t", "1", "secondary", false, 3, null, null)),
                List.of(), List.of());

        ReportCost cost = costs.of(List.of(), gtc, null);

        assertThat(cost.smartSearch().searches()).isEqualTo(new ReportCost.Counted(1, 2));
        assertThat(cost.smartSearch().downloads()).isEqualTo(new ReportCost.Counted(1, 1));
        assertThat(cost.smartSearch().eur()).isCloseTo(0.33, within(1e-9));
        assertThat(cost.savedEur()).isCloseTo(0.06 + 0.30, within(1e-9));
        assertThat(cost.llm().models()).isEmpty();
    }

    @Test
    void aGtcCheckThatAskedSomeClaimUnitsAndReusedOthersCountsBoth() {
        GtcCheckUsage gtc = new GtcCheckUsage(new LlmCall("claude", 1, 1000, 100, 0),
                new LlmCall("claude", 1, 2000, 50, 0));

        ReportCost cost = costs.of(List.of(), null, gtc);

        assertThat(cost.llm().models().get("claude")).isEqualTo(new ReportCost.ModelUsage(1, 1000, 100, 1.4));
        assertThat(cost.llm().reusedCalls()).isEqualTo(1);
        assertThat(cost.llm().reusedPromptTokens()).isEqualTo(2000);
        assertThat(cost.llm().reusedCompletionTokens()).isEqualTo(50);
        assertThat(cost.savedEur()).isCloseTo(2.0 + 0.2, within(1e-9));
        assertThat(cost.totalEur()).isCloseTo(1.4, within(1e-9));

        ReportCost allReused = costs.of(List.of(), null, new GtcCheckUsage(null, gtc.reused()));
        assertThat(allReused.llm().models()).isEmpty();
        assertThat(allReused.totalEur()).isZero();
        assertThat(allReused.savedEur()).isCloseTo(2.2, within(1e-9));
    }

    private static GuidelineResult result(LlmCall llm, LlmCall reused) {
        return new GuidelineResult("g", "G", "c", Severity.ERROR, 1, Verdict.PASS, EvaluatedBy.LLM, List.of(), "ok",
                0.9, null, llm).withReuse(reused != null && llm == null, null, reused);
    }
}
