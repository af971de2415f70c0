package hub.cost;

import hub.report.model.GtcFetched;
import hub.report.model.GtcLookup;
import hub.report.model.ComplianceReport.GtcSection;
import hub.report.model.GuidelineResult;
import hub.report.model.GuidelineResult.LlmCall;
import hub.report.model.ReportCost;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Builds a report's {@link ReportCost}: the model calls its guideline results and GTC check made, the ones reused
 * from the unit cache (whole guideline results, or shares of GTC check calls per claim unit), and the Smart Search lookups and PDFs by where they came from (a cache, or the service).
 */
@Component("costCalculator")
public class CostCalculator {

    private static final Set<String> CACHED_SEARCH = Set.of("cache", "stale");
    private static final Set<String> CACHED_PDF = Set.of("blob", "stale-blob");
    private static final Set<String> CALLED = Set.of("primary", "secondary");

    private final CostPrices prices;
    public CostCalculator(CostPrices prices) {
        this.prices = prices;
    }

    /**
     * {@code gtcUsage}: the GTC check's call, counted as used, and its claim units' answers reused from the unit cache,
     * counted as reused and saved (either may be absent; null means no GTC check).
     */
    public ReportCost of(List<GuidelineResult> results, GtcSection gtc, GtcCheckUsage gtcUsage) {
        TreeMap<String, long[]> used = new TreeMap<>();
        long[] reused = new long[3];
        double saved = 0;
        List<LlmCall> reusedCalls = new ArrayList<>();
        for (GuidelineResult r : results) {
            add(used, r.llm());
            reusedCalls.add(r.reusedLlm());
        }
        GtcCheckUsage gtcCheck = gtcUsage == null ? GtcCheckUsage.NONE : gtcUsage;
        add(used, gtcCheck.called());
        reusedCalls.add(gtcCheck.reused());
        for (LlmCall again : reusedCalls) {
            if (again != null) {
                reused[0] += again.calls();
                reused[1] += again.promptTokens();
                reused[2] += again.completionTokens();
                saved += prices.llm(again.model(), again.promptTokens(), again.completionTokens());
            }
        }
        TreeMap<String, ReportCost.ModelUsage> models = new TreeMap<>();
        double llmEur = 0;
        for (var e : used.entrySet()) {
            long[] u = e.getValue();
            double eur = round(prices.llm(e.getKey(), u[1], u[2]));
            llmEur += eur;
            models.put(e.getKey(), new ReportCost.ModelUsage(u[0], u[1], u[2], eur));
        }
        List<GtcLookup> lookups = gtc == null || gtc.lookups() == null ? List.of() : gtc.lookups();
        List<GtcFetched> documents = gtc == null || gtc.documents() == null ? List.of() : gtc.documents();
        ReportCost.Counted searches = new ReportCost.Counted(
                lookups.stream().filter(l -> CALLED.contains(l.source())).count(),
                lookups.stream().filter(l -> CACHED_SEARCH.contains(l.source())).count());
        ReportCost.Counted downloads = new ReportCost.Counted(
                documents.stream().filter(d -> CALLED.contains(d.source())).count(),
                documents.stream().filter(d -> CACHED_PDF.contains(d.source())).count());
        double searchEur = round(prices.searches(searches.called()) + prices.downloads(downloads.called()));
        double searchSaved = round(prices.searches(searches.cached()) + prices.downloads(downloads.cached()));
        return new ReportCost("EUR",
                new ReportCost.Llm(models, reused[0], reused[1], reused[2], round(llmEur), round(saved)),
                new ReportCost.SmartSearch(searches, downloads, searchEur, searchSaved),
                round(llmEur + searchEur), round(saved + searchSaved));
    }

    private static void add(TreeMap<String, long[]> used, LlmCall call) {
        if (call == null) {
            return;
        }
        long[] u = used.computeIfAbsent(call.model() == null ? "unknown" : call.model(), k -> new long[3]);
        u[0] += call.calls();
        u[1] += call.promptTokens();
        u[2] += call.completionTokens();
    }

    /** Amounts to a millionth of a euro, so sums of many small calls stay exact enough to compare. */
    static double round(double eur) {
        return Math.round(eur * 1_000_000) / 1_000_000.0;
    }
}
