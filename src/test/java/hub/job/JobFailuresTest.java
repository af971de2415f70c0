package hub.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

class JobFailuresTest {

    private final JobFailures failures = new JobFailures(5, 300);

    @Test
    void anEvaluationErrorSpendsTheAttemptAndRetriesWithBackoff() {
        Exchange e = failed(new IllegalStateException("boom"), 2, 3);
        failures.classify(e);
        assertThat(e.getProperty("failureCountsAttempt", Boolean.class)).isTrue();
        assertThat(e.getProperty("failureFinal", Boolean.class)).isFalse();
        assertThat(e.getProperty("retryDelaySeconds", Integer.class)).isEqualTo(10);
        assertThat(e.getProperty("failureReason", String.class)).isEqualTo("Attempt 2 of 3 failed: IllegalStateException: boom");
    }

    @Test
    void theLastAttemptFailsTheJobWithTheReason() {
        Exchange e = failed(new IllegalStateException("boom"), 3, 3);
        failures.classify(e);
        assertThat(e.getProperty("failureFinal", Boolean.class)).isTrue();
        assertThat(e.getProperty("failureReason", String.class)).startsWith("Failed: IllegalStateException: boom");
    }

    @Test
    void storeOutagesNeverSpendAnAttemptEvenOnTheLastOne() {
        for (Exception outage : new Exception[] {new IOException("connection refused"),
                new DataAccessResourceFailureException("db down"), new RuntimeException(new IOException("wrapped"))}) {
            Exchange e = failed(outage, 3, 3);
            failures.classify(e);
            assertThat(e.getProperty("failureCountsAttempt", Boolean.class)).as(outage.toString()).isFalse();
            assertThat(e.getProperty("failureFinal", Boolean.class)).isFalse();
            assertThat(e.getProperty("failureReason", String.class)).contains("will be retried");
        }
    }

    @Test
    void aMissingBlobIsNotAnOutage() {
        Exchange e = failed(new java.nio.file.NoSuchFileException("articles/x.json"), 1, 3);
        failures.classify(e);
        assertThat(e.getProperty("failureCountsAttempt", Boolean.class)).isTrue();
    }

    @Test
    void backoffDoublesUpToTheCap() {
        assertThat(failures.delaySeconds(1)).isEqualTo(5);
        assertThat(failures.delaySeconds(4)).isEqualTo(40);
        assertThat(failures.delaySeconds(30)).isEqualTo(300);
    }

    private static Exchange failed(Exception cause, int attempt, int maxAttempts) {
        Exchange e = new DefaultExchange(new DefaultCamelContext());
        e.setProperty(Exchange.EXCEPTION_CAUGHT, cause);
        e.setProperty("attempt", attempt);
        e.setProperty("maxAttempts", maxAttempts);
        return e;
    }
}
