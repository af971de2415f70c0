package hub.cost;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import hub.article.ArticleUnits;
import hub.report.model.ReportCost;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The job_usage row of a completed check (complete-job.sql reads it from the {@code usageRow} property). */
public final class UsageRow {

    private UsageRow() {
    }

    public static Map<String, Object> of(ObjectMapper mapper, ReportCost cost, List<ArticleUnits.Unit> units,
            String previousJobId) throws JsonProcessingException {
        long calls = 0;
        long prompt = 0;
        long completion = 0;
        for (ReportCost.ModelUsage m : cost.llm().models().values()) {
            calls += m.calls();
            prompt += m.promptTokens();
            completion += m.completionTokens();
        }
        Map<String, Object> row = new HashMap<>();
        row.put("previous_job_id", previousJobId);
        row.put("llm_calls", calls);
        row.put("prompt_tokens", prompt);
        row.put("completion_tokens", completion);
        row.put("reused_calls", cost.llm().reusedCalls());
        row.put("reused_prompt_tokens", cost.llm().reusedPromptTokens());
        row.put("reused_completion_tokens", cost.llm().reusedCompletionTokens());
        row.put("searches_called", cost.smartSearch().searches().called());
        row.put("searches_cached", cost.smartSearch().searches().cached());
        row.put("downloads_called", cost.smartSearch().downloads().called());
        row.put("downloads_cached", cost.smartSearch().downloads().cached());
        row.put("llm_eur", cost.llm().eur());
        row.put("smart_search_eur", cost.smartSearch().eur());
        row.put("total_eur", cost.totalEur());
        row.put("saved_eur", cost.savedEur());
        row.put("unit_hashes", mapper.writeValueAsString(units == null ? List.of()
                : units.stream().map(ArticleUnits.Unit::hash).toList()));
        return row;
    }
}
