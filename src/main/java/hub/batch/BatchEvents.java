package hub.batch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.camel.Exchange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Delivery of batch completion events from the {@code batch_events} outbox: the HMAC signature of callbacks, the
 * backoff between attempts, and the decision to give up (counted in {@code batch_events_given_up_total}).
 */
@Component("batchEvents")
public class BatchEvents {

    public static final String SIGNATURE_HEADER = "X-Hub-Signature-256";
    public static final String EVENT_ID_HEADER = "X-Hub-Event-Id";

    private final byte[] secret;
    private final Backoff backoff;
    private final Counter givenUp;
    private final Counter delivered;

    public BatchEvents(@Value("${hub.batch.callback-secret:}") String secret,
                       @Value("${hub.batch.events.retry.initial-delay-ms:1000}") long initialDelayMs,
                       @Value("${hub.batch.events.retry.max-delay-ms:600000}") long maxDelayMs,
                       @Value("${hub.batch.events.retry.max-attempts:12}") int maxAttempts,
                       MeterRegistry registry) {
        this.secret = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        this.backoff = new Backoff(initialDelayMs, maxDelayMs, maxAttempts);
        this.givenUp = Counter.builder("batch_events_given_up")
                .description("Batch completion events the hub stopped trying to deliver").register(registry);
        this.delivered = Counter.builder("batch_events_delivered")
                .description("Batch completion events delivered").register(registry);
    }

    /** True when the destination is a callback URL (https://, or http:// on loopback when allowed), not a queue. */
    public static boolean isCallback(String destination) {
        return destination != null && (destination.startsWith("https://") || destination.startsWith("http://"));
    }

    /** {@code sha256=<hex HMAC-SHA256 of the body>} with {@code hub.batch.callback-secret}. */
    public String signature(String body) {
        if (secret.length == 0) {
            throw new IllegalStateException("hub.batch.callback-secret (BATCH_CALLBACK_SECRET) is not set; "
                    + "callbacks cannot be signed");
        }
        return "sha256=" + hmacHex(secret, body);
    }

    static String hmacHex(byte[] key, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Copies a claimed outbox row into the exchange properties the delivery route uses. */
    public void claimed(Exchange exchange) {
        @SuppressWarnings("unchecked")
        Map<String, Object> row = exchange.getIn().getBody(Map.class);
        exchange.setProperty("eventBatchUuid", String.valueOf(row.get("batch_id")));
        exchange.setProperty("eventAttempt", ((Number) row.get("attempts")).intValue());
        String destination = String.valueOf(row.get("destination"));
        exchange.setProperty("replyTo", destination);
        exchange.setProperty("eventCallback", isCallback(destination));
        boolean topic = destination.startsWith("topic:");
        exchange.setProperty("replyToKind", topic ? "topic" : "queue");
        exchange.setProperty("replyToName", destination.substring(destination.indexOf(':') + 1));
        exchange.getIn().setBody(String.valueOf(row.get("payload")));
    }

    /**
     * After a failed attempt: sets {@code eventError} and {@code eventRetryMs}, the delay before the next attempt
     * ({@code initial-delay-ms * 2^(attempts-1)}, at most {@code max-delay-ms}), or -1 once {@code max-attempts} are
     * spent (the hub gives up; counted).
     */
    public void failed(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        int attempt = exchange.getProperty("eventAttempt", Integer.class);
        String error = caught == null ? "unknown" : caught.getClass().getSimpleName() + ": " + caught.getMessage();
        exchange.setProperty("eventError", error.length() > 2000 ? error.substring(0, 2000) : error);
        long retry = retryDelayMs(attempt);
        if (retry < 0) {
            givenUp.increment();
        }
        exchange.setProperty("eventRetryMs", retry);
    }

    public void delivered() {
        delivered.increment();
    }

    long retryDelayMs(int attempt) {
        return backoff.delayAfter(attempt);
    }
}
