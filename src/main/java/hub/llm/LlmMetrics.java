package hub.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import hub.report.model.TokenUsage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The LLM meters, one observation per HTTP request to the chat-completions endpoint (each retry counts):
 * {@code llm_requests_total{model,status}} (the HTTP status; {@code 503} also when the endpoint could not be
 * reached), {@code llm_latency_seconds{model}} and {@code llm_tokens_total{model,kind}} ({@code prompt},
 * {@code completion}, as the endpoint reported them). {@code model} is the configured {@code hub.llm.model}.
 */
@Component("llmMetrics")
public class LlmMetrics {

    private static final String STARTED = "llmRequestStartedAt";
    private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(250), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
        Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofSeconds(60)};

    private final MeterRegistry registry;
    private final ObjectMapper mapper;
    private final String model;

    public LlmMetrics(MeterRegistry registry, ObjectMapper mapper, @Value("${hub.llm.model:claude}") String model) {
        this.registry = registry;
        this.mapper = mapper;
        this.model = model;
    }

    /** Route step before each request: starts its clock. */
    public void start(Exchange exchange) {
        exchange.setProperty(STARTED, System.nanoTime());
    }

    /** Records the request that just answered with {@code status}; {@code body} is its response body. */
    public void answered(Exchange exchange, int status, String body) {
        Counter.builder("llm_requests").description("HTTP requests to the LLM endpoint")
                .tag("model", model).tag("status", String.valueOf(status)).register(registry).increment();
        Long started = exchange.getProperty(STARTED, Long.class);
        if (started != null) {
            Timer.builder("llm_latency").description("Latency of one HTTP request to the LLM endpoint")
                    .tag("model", model).serviceLevelObjectives(LATENCY_BUCKETS)
                    .register(registry).record(Duration.ofNanos(System.nanoTime() - started));
        }
        if (status >= 200 && status < 300) {
            TokenUsage usage = usage(body);
            tokens("prompt", usage.promptTokens());
            tokens("completion", usage.completionTokens());
        }
    }

    private TokenUsage usage(String body) {
        try {
            return body == null ? TokenUsage.NONE : TokenUsage.of(mapper.readTree(body));
        } catch (Exception e) {
            return TokenUsage.NONE;
        }
    }

    private void tokens(String kind, int count) {
        Counter.builder("llm_tokens").description("Tokens the LLM endpoint reported, by kind")
                .tag("model", model).tag("kind", kind).register(registry).increment(count);
    }
}
