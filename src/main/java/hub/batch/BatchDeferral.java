package hub.batch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.camel.Exchange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Retries of a batch message that failed for a passing reason (a store outage, not a poison message). The message
 * is sent again to the batches queue, delayed by the {@link Backoff}, carrying its original message id (header
 * {@value #MESSAGE_ID}) and its attempt number (header {@value #ATTEMPT}); on Service Bus these headers travel as
 * application properties and the delay is the scheduled enqueue time, so the failed delivery itself completes and
 * no lock is held while waiting. Once the attempts are spent the message is dead-lettered with the reason
 * {@code RetriesExhausted}. Counted in {@code batch_messages_deferred_total}.
 */
@Component("batchDeferral")
public class BatchDeferral {

    public static final String MESSAGE_ID = "messageId";
    public static final String ATTEMPT = "hubAttempt";
    static final String APPLICATION_PROPERTIES = "CamelAzureServiceBusApplicationProperties";
    static final String SCHEDULED_ENQUEUE_TIME = "CamelAzureServiceBusScheduledEnqueueTime";

    private final Backoff backoff;
    private final boolean brokerSchedules;
    private final Counter deferred;

    public BatchDeferral(@Value("${hub.queue.batches.retry.initial-delay-ms:5000}") long initialDelayMs,
                         @Value("${hub.queue.batches.retry.max-delay-ms:300000}") long maxDelayMs,
                         @Value("${hub.queue.batches.retry.max-attempts:10}") int maxAttempts,
                         @Value("${hub.queue.batches.retry.scheduled-by-broker:false}") boolean brokerSchedules,
                         MeterRegistry registry) {
        this.backoff = new Backoff(initialDelayMs, maxDelayMs, maxAttempts);
        this.brokerSchedules = brokerSchedules;
        this.deferred = Counter.builder("batch_messages_deferred")
                .description("Batch messages sent back to the queue after a passing failure").register(registry);
    }

    /** A header of the delivered message, or the Service Bus application property of that name. */
    public static String delivered(Exchange exchange, String name) {
        Object value = exchange.getIn().getHeader(name);
        if (value == null && exchange.getIn().getHeader(APPLICATION_PROPERTIES) instanceof Map<?, ?> properties) {
            value = properties.get(name);
        }
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    /** The attempt this delivery is: 1 for a message as its producer sent it. */
    public int attempt(Exchange exchange) {
        String attempt = delivered(exchange, ATTEMPT);
        try {
            return attempt == null ? 1 : Math.max(1, Integer.parseInt(attempt));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** True when this delivery was the last attempt allowed. */
    public boolean exhausted(Exchange exchange) {
        return backoff.delayAfter(attempt(exchange)) < 0;
    }

    /**
     * Prepares the retry: the body is the original message, the headers only the retry's own. Sets the property
     * {@code retryDelayMs} and {@code localDelayMs}, the wait the route itself applies (0 when the broker schedules).
     */
    public void defer(Exchange exchange) {
        int attempt = attempt(exchange);
        long delayMs = backoff.delayAfter(attempt);
        String messageId = exchange.getProperty("messageId", String.class);
        exchange.getIn().removeHeaders("*");
        exchange.getIn().setBody(exchange.getProperty("batchMessage", String.class));
        if (messageId != null) {
            exchange.getIn().setHeader(MESSAGE_ID, messageId);
        }
        exchange.getIn().setHeader(ATTEMPT, String.valueOf(attempt + 1));
        exchange.getIn().setHeader("Content-Type", "application/json");
        exchange.getIn().setHeader(SCHEDULED_ENQUEUE_TIME, OffsetDateTime.now(ZoneOffset.UTC).plusNanos(delayMs * 1_000_000));
        exchange.setProperty("retryAttempt", attempt + 1);
        exchange.setProperty("retryDelayMs", delayMs);
        exchange.setProperty("localDelayMs", brokerSchedules ? 0 : delayMs);
        deferred.increment();
    }
}
