package hub.llm;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Classifies one HTTP answer of the LLM endpoint for the retry loop in {@code llm-chat.camel.yaml}: {@code OK},
 * {@code RETRY} (with the wait in {@code llmRetryDelayMs}) or {@code FAIL}. Counts attempts in {@code llmAttempt}.
 */
@Component("llmCallOutcome")
public class LlmCallOutcome {

    private final RetryPolicy retryPolicy;
    private final LlmMetrics metrics;

    public LlmCallOutcome(RetryPolicy retryPolicy, LlmMetrics metrics) {
        this.retryPolicy = retryPolicy;
        this.metrics = metrics;
    }

    public String classify(Exchange exchange) {
        int attempt = exchange.getProperty("llmAttempt", 0, Integer.class) + 1;
        exchange.setProperty("llmAttempt", attempt);
        int status = exchange.getIn().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        metrics.answered(exchange, status, exchange.getIn().getBody(String.class));
        if (status >= 200 && status < 300) {
            return "OK";
        }
        if (retryPolicy.isRetryable(status) && retryPolicy.hasAttemptsLeft(attempt)) {
            String retryAfter = exchange.getIn().getHeader("Retry-After", String.class);
            exchange.setProperty("llmRetryDelayMs", retryPolicy.delayMillis(attempt, retryAfter));
            return "RETRY";
        }
        return "FAIL";
    }
}
