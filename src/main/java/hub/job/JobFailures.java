package hub.job;

import hub.problem.StoreOutage;
import org.apache.camel.Exchange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Decides what happens to a job whose processing threw. An outage of a backing store (blob, cache, database)
 * delays the job without spending one of its attempts, so an outage can never drop accepted work; any other
 * failure spends the attempt, and the job ends FAILED with the reason once its attempts are used up.
 */
@Component("jobFailures")
public class JobFailures {

    private final long baseDelaySeconds;
    private final long maxDelaySeconds;

    public JobFailures(@Value("${hub.worker.retry-delay-seconds:5}") long baseDelaySeconds,
                       @Value("${hub.worker.max-retry-delay-seconds:300}") long maxDelaySeconds) {
        this.baseDelaySeconds = baseDelaySeconds;
        this.maxDelaySeconds = maxDelaySeconds;
    }

    public void classify(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        int attempt = exchange.getProperty("attempt", 1, Integer.class);
        int maxAttempts = exchange.getProperty("maxAttempts", 1, Integer.class);
        boolean outage = StoreOutage.isCause(cause);
        boolean finalFailure = !outage && attempt >= maxAttempts;

        exchange.setProperty("failureCountsAttempt", !outage);
        exchange.setProperty("failureFinal", finalFailure);
        exchange.setProperty("retryDelaySeconds", finalFailure ? 0 : (int) delaySeconds(attempt));
        exchange.setProperty("failureReason", reason(cause, outage, attempt, maxAttempts, finalFailure));
    }

    long delaySeconds(int attempt) {
        long delay = baseDelaySeconds << Math.min(attempt - 1, 20);
        return Math.min(delay, maxDelaySeconds);
    }

    private static String reason(Throwable cause, boolean outage, int attempt, int maxAttempts, boolean finalFailure) {
        String what = cause == null ? "unknown error" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        if (outage) {
            return "A backing store was unavailable (" + what + "); the job will be retried.";
        }
        return (finalFailure ? "Failed" : "Attempt " + attempt + " of " + maxAttempts + " failed") + ": " + what;
    }
}
