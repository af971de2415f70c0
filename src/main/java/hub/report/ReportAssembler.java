package hub.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import hub.article.PlainText;
import hub.report.model.ComplianceReport;
import hub.report.model.Finding;
import hub.report.model.GuidelineResult;
import hub.report.model.Scorer;
import hub.report.model.UnitChanges;
import hub.cost.CostCalculator;
import hub.cost.GtcCheckUsage;
import hub.report.model.ReportCost;
import hub.cost.UsageRow;
import hub.guideline.Guideline;
import hub.guideline.GuidelineSet;
import hub.injection.PromptInjectionDetector;
import hub.report.model.ArticleLanguage;
import hub.llm.ChatRequestFactory;
import hub.report.model.Verdict;
import hub.store.SqlValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Builds the compliance report of a job from its guideline results. */
@Component("reportAssembler")
public class ReportAssembler {

    private final ObjectMapper mapper;
    private final ChatRequestFactory requests;
    private final CostCalculator costs;
    private final boolean llmEnabled;

    public ReportAssembler(ObjectMapper mapper, ChatRequestFactory requests, CostCalculator costs,
                           @Value("${hub.llm.enabled:false}") boolean llmEnabled) {
        this.mapper = mapper;
        this.requests = requests;
        this.costs = costs;
        this.llmEnabled = llmEnabled;
    }

    /**
     * Reads the aggregated {@code List<GuidelineResult>} body and the job properties; leaves the report JSON in the
     * body and in {@code reportJson}, with {@code reportScore} and {@code reportPartial} for the database.
     */
    @SuppressWarnings("unchecked")
    public void assemble(Exchange exchange) throws JsonProcessingException {
        List<GuidelineResult> results = new ArrayList<>(((List<GuidelineResult>) exchange.getIn().getBody(List.class))
                .stream().map(ReportAssembler::withReuseStated).toList());
        GuidelineSet set = exchange.getProperty("guidelineSet", GuidelineSet.class);
        Map<String, Object> row = exchange.getProperty("jobRow", Map.class);
        List<String> order = set.guidelines().stream().map(Guideline::id).toList();
        results.sort(Comparator.comparingInt(r -> order.indexOf(r.guidelineId())));

        Map<Verdict, Integer> counts = Scorer.counts(results);
        List<String> partialReasons = partialReasons(counts);
        Instant startedAt = SqlValues.instant(row.get("started_at"));
        Instant submittedAt = SqlValues.instant(row.get("created_at"));
        Map<String, Long> timings = new LinkedHashMap<>();
        if (submittedAt != null && startedAt != null) {
            timings.put("queued", Math.max(0, startedAt.toEpochMilli() - submittedAt.toEpochMilli()));
        }
        timings.putAll(StepTimer.timings(exchange));
        ComplianceReport.GtcSection gtc = exchange.getProperty("gtcSection", ComplianceReport.GtcSection.class);
        ReportCost cost = costs.of(results, gtc, exchange.getProperty("gtcUsage", GtcCheckUsage.class));
        exchange.setProperty("reportCost", cost);
        exchange.setProperty("usageRow", UsageRow.of(mapper, cost, exchange.getProperty("articleUnits", List.class),
                exchange.getProperty("previousJobId", String.class)));
        UnitChanges changes = exchange.getProperty("unitChanges", UnitChanges.class);
        ArticleLanguage language = exchange.getProperty("articleLanguage", ArticleLanguage.class);
        List<String> warnings = new ArrayList<>();
        if (language != null) {
            warnings.addAll(language.warnings());
        }

        ComplianceReport report = new ComplianceReport(
                String.valueOf(row.get("id")),
                (String) row.get("external_ref"),
                (String) row.get("correlation_id"),
                (String) row.get("article_sha256"),
                new ComplianceReport.GuidelineSetRef(set.id(), set.version()),
                language,
                Scorer.score(results),
                Scorer.coverage(results),
                !partialReasons.isEmpty(),
                partialReasons,
                warnings,
                counts,
                results,
                gtc,
                PromptInjectionDetector.detect(exchange.getProperty("articleText", PlainText.class).source()),
                new ComplianceReport.ModelInfo(llmEnabled ? requests.model() : null, PromptVersions.GUIDELINES,
                        llmEnabled),
                exchange.getProperty("previousJobId", String.class),
                changes,
                cost,
                timings,
                submittedAt,
                startedAt,
                Instant.now());

        String json = mapper.writeValueAsString(report);
        exchange.setProperty("reportJson", json);
        exchange.setProperty("reportScore", report.score());
        exchange.setProperty("reportPartial", report.partial());
        exchange.getIn().setBody(json);
    }

    /** Every result and finding says whether it was reused: rules always run again, so theirs never are. */
    private static GuidelineResult withReuseStated(GuidelineResult r) {
        boolean reused = Boolean.TRUE.equals(r.reused());
        List<Finding> findings = r.findings().stream()
                .map(f -> f.reused(Boolean.TRUE.equals(f.reused()))).toList();
        return new GuidelineResult(r.guidelineId(), r.title(), r.category(), r.severity(), r.weight(), r.verdict(),
                r.evaluatedBy(), findings, r.rationale(), r.confidence(), r.reason(), r.llm(), reused,
                r.reusedFrom(), r.reusedLlm(), r.needsReview());
    }

    private static List<String> partialReasons(Map<Verdict, Integer> counts) {
        List<String> reasons = new ArrayList<>();
        if (counts.get(Verdict.NOT_EVALUATED) > 0) {
            reasons.add(counts.get(Verdict.NOT_EVALUATED) + " guideline(s) were not evaluated: they need an LLM and none is configured.");
        }
        if (counts.get(Verdict.ERROR) > 0) {
            reasons.add(counts.get(Verdict.ERROR) + " guideline(s) could not be evaluated because the LLM failed; see each guideline's reason.");
        }
        return reasons;
    }
}
