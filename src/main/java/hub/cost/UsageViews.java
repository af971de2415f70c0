package hub.cost;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import hub.problem.ProblemException;
import hub.security.Caller;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * {@code GET /api/v1/usage}: the period and tenant a caller may ask about, and the answer built from the job_usage
 * sums. {@code from} and {@code to} are ISO-8601 instants or dates (a date means its start, UTC); the default is the
 * 30 days up to now.
 */
@Component("usageViews")
public class UsageViews {

    private static final Duration DEFAULT_PERIOD = Duration.ofDays(30);
    private static final String[] COUNTS = {"llm_calls", "prompt_tokens", "completion_tokens", "reused_calls",
        "reused_prompt_tokens", "reused_completion_tokens", "searches_called", "searches_cached", "downloads_called",
        "downloads_cached"};
    private static final String[] AMOUNTS = {"llm_eur", "smart_search_eur", "total_eur", "saved_eur"};

    private final ObjectMapper mapper;

    public UsageViews(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Sets {@code usageFrom}, {@code usageTo} and {@code usageTenant} (null: every tenant) from the query. */
    public void period(Exchange exchange) {
        Caller caller = exchange.getProperty("caller", Caller.class);
        Instant to = instant("to", exchange.getIn().getHeader("to", String.class), Instant.now());
        Instant from = instant("from", exchange.getIn().getHeader("from", String.class), to.minus(DEFAULT_PERIOD));
        if (!from.isBefore(to)) {
            throw ProblemException.badRequest("from (" + from + ") must be before to (" + to + ").");
        }
        String tenant = exchange.getIn().getHeader("tenant", String.class);
        if (tenant != null && !caller.admin() && !tenant.equals(caller.tenant())) {
            throw new ProblemException(403, "forbidden", "Forbidden",
                    "Only a compliance-admin may read the usage of another tenant.");
        }
        exchange.setProperty("usageFrom", from.toString());
        exchange.setProperty("usageTo", to.toString());
        exchange.setProperty("usageTenant", caller.admin() ? tenant : caller.tenant());
    }

    /** The answer: per tenant sums (the body, rows of select-usage.sql) and their total. */
    @SuppressWarnings("unchecked")
    public String view(Exchange exchange) throws JsonProcessingException {
        List<Map<String, Object>> rows = exchange.getIn().getBody(List.class);
        List<Map<String, Object>> tenants = new ArrayList<>();
        Map<String, Object> total = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("tenant", row.get("tenant"));
            t.putAll(usage(row));
            tenants.add(t);
            accumulate(total, row);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("from", exchange.getProperty("usageFrom"));
        answer.put("to", exchange.getProperty("usageTo"));
        answer.put("currency", "EUR");
        answer.put("tenants", tenants);
        answer.put("total", usage(total));
        return mapper.writeValueAsString(answer);
    }

    private static void accumulate(Map<String, Object> total, Map<String, Object> row) {
        total.merge("jobs", number(row.get("jobs")), (a, b) -> (double) a + (double) b);
        for (String k : COUNTS) {
            total.merge(k, number(row.get(k)), (a, b) -> (double) a + (double) b);
        }
        for (String k : AMOUNTS) {
            total.merge(k, number(row.get(k)), (a, b) -> (double) a + (double) b);
        }
    }

    private static Map<String, Object> usage(Map<String, Object> row) {
        Map<String, Object> llm = new LinkedHashMap<>();
        llm.put("calls", count(row, "llm_calls"));
        llm.put("promptTokens", count(row, "prompt_tokens"));
        llm.put("completionTokens", count(row, "completion_tokens"));
        llm.put("reusedCalls", count(row, "reused_calls"));
        llm.put("reusedPromptTokens", count(row, "reused_prompt_tokens"));
        llm.put("reusedCompletionTokens", count(row, "reused_completion_tokens"));
        llm.put("eur", amount(row, "llm_eur"));
        Map<String, Object> search = new LinkedHashMap<>();
        search.put("searches", Map.of("called", count(row, "searches_called"), "cached", count(row, "searches_cached")));
        search.put("downloads", Map.of("called", count(row, "downloads_called"),
                "cached", count(row, "downloads_cached")));
        search.put("eur", amount(row, "smart_search_eur"));
        Map<String, Object> usage = new LinkedHashMap<>();
        usage.put("jobs", count(row, "jobs"));
        usage.put("llm", llm);
        usage.put("smartSearch", search);
        usage.put("totalEur", amount(row, "total_eur"));
        usage.put("savedEur", amount(row, "saved_eur"));
        return usage;
    }

    private static long count(Map<String, Object> row, String key) {
        return Math.round(number(row.get(key)));
    }

    private static double amount(Map<String, Object> row, String key) {
        return CostCalculator.round(number(row.get(key)));
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : 0;
    }

    private static Instant instant(String name, String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name + " must be an ISO-8601 instant such as 2025-01-31T00:00:00Z or a "
                    + "date such as 2025-01-31; got '" + (value.length() > 40 ? value.substring(0, 40) + "..." : value)
                    + "'.");
        }
    }
}
