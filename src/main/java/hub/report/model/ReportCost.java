package hub.report.model;

import java.util.Map;

/**
 * What one check cost and what caching saved: LLM calls and tokens per model (the calls this check made), the
 * evaluations reused from earlier checks (their tokens are not spent again), Smart Search searches and PDF downloads
 * called or served from a cache, and the amounts in {@code currency} from the configured price table.
 */
public record ReportCost(String currency, Llm llm, SmartSearch smartSearch, double totalEur, double savedEur) {

    public record ModelUsage(long calls, long promptTokens, long completionTokens, double eur) {}

    public record Llm(Map<String, ModelUsage> models, long reusedCalls, long reusedPromptTokens,
            long reusedCompletionTokens, double eur, double savedEur) {}

    public record Counted(long called, long cached) {}

    public record SmartSearch(Counted searches, Counted downloads, double eur, double savedEur) {}
}
