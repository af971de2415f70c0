package hub.llm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When and how long to wait before calling the LLM endpoint again. Honours Retry-After (delta-seconds or
 * HTTP-date); otherwise exponential backoff with equal jitter: the wait for attempt n lies in [c/2, c] where
 * c = min(maxDelay, initialDelay * 2^(n-1)). Every delay is capped at maxDelay.
 */
@Component("llmRetryPolicy")
public class RetryPolicy {

    private static final Pattern DELTA_SECONDS = Pattern.compile("\\d+");

    private final int maxAttempts;
    private final long initialDelayMs;
    private final long maxDelayMs;
    private final Clock clock;
    private final DoubleSupplier jitter;

    @Autowired
    public RetryPolicy(
            @Value("${hub.llm.retry.max-attempts:4}") int maxAttempts,
            @Value("${hub.llm.retry.initial-delay-ms:500}") long initialDelayMs,
            @Value("${hub.llm.retry.max-delay-ms:10000}") long maxDelayMs) {
        this(maxAttempts, initialDelayMs, maxDelayMs, Clock.systemUTC(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param jitter supplies values in [0, 1) */
    public RetryPolicy(int maxAttempts, long initialDelayMs, long maxDelayMs, Clock clock, DoubleSupplier jitter) {
        if (maxAttempts < 1 || initialDelayMs < 0 || maxDelayMs < initialDelayMs) {
            throw new IllegalArgumentException("invalid LLM retry settings: max-attempts=" + maxAttempts
                    + ", initial-delay-ms=" + initialDelayMs + ", max-delay-ms=" + maxDelayMs);
        }
        this.maxAttempts = maxAttempts;
        this.initialDelayMs = initialDelayMs;
        this.maxDelayMs = maxDelayMs;
        this.clock = clock;
        this.jitter = jitter;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public boolean hasAttemptsLeft(int attemptsMade) {
        return attemptsMade < maxAttempts;
    }

    /** 408, 429 and 5xx except 501 (Not Implemented) and 505 (HTTP Version Not Supported). */
    public boolean isRetryable(int httpStatus) {
        return httpStatus == 408 || httpStatus == 429
                || (httpStatus >= 500 && httpStatus <= 599 && httpStatus != 501 && httpStatus != 505);
    }

    /**
     * @param attempt the 1-based attempt that just failed
     * @param retryAfterHeader the Retry-After header of that response; null, blank or unparseable means backoff
     */
    public long delayMillis(int attempt, String retryAfterHeader) {
        Long retryAfter = retryAfterMillis(retryAfterHeader);
        return retryAfter != null ? Math.min(retryAfter, maxDelayMs) : backoffMillis(attempt);
    }

    private Long retryAfterMillis(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        if (DELTA_SECONDS.matcher(value).matches()) {
            return value.length() > 12 ? Long.MAX_VALUE : Long.parseLong(value) * 1000;
        }
        try {
            Instant retryAt = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Math.max(0, Duration.between(clock.instant(), retryAt).toMillis());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private long backoffMillis(int attempt) {
        double exponential = initialDelayMs * Math.pow(2, Math.max(attempt, 1) - 1);
        long ceiling = (long) Math.min(maxDelayMs, exponential);
        long floor = ceiling / 2;
        return floor + (long) (jitter.getAsDouble() * (ceiling - floor + 1));
    }
}
