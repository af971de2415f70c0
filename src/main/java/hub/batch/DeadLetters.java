package hub.batch;

import hub.problem.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Classifies a rejected queue message for the dead-letter store and counts it in
 * {@code batch_messages_dead_lettered_total{reason}}. Reasons: {@code InvalidJson}, {@code TooManyItems},
 * {@code SchemaViolation} (poison messages), {@code RetriesExhausted} (a passing failure that outlasted every retry,
 * see {@link BatchDeferral}).
 */
@Component("deadLetters")
public class DeadLetters {

    private final MeterRegistry registry;

    public DeadLetters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Sets the properties {@code deadLetterReason} and {@code deadLetterDescription} and counts the message. */
    public void reject(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        ProblemException problem = problemIn(caught);
        String reason = reason(problem);
        exchange.setProperty("deadLetterReason", reason);
        exchange.setProperty("deadLetterDescription", problem != null ? problem.detail()
                : caught == null ? "unknown" : caught.getClass().getSimpleName() + ": " + caught.getMessage());
        Counter.builder("batch_messages_dead_lettered").description("Batch messages moved to the dead-letter store")
                .tag("reason", reason).register(registry).increment();
    }

    static String reason(ProblemException problem) {
        if (problem == null) {
            return "RetriesExhausted";
        }
        return switch (problem.type()) {
            case "malformed-json" -> "InvalidJson";
            case "batch-too-large" -> "TooManyItems";
            default -> "SchemaViolation";
        };
    }

    private static ProblemException problemIn(Throwable caught) {
        for (Throwable t = caught; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof ProblemException p) {
                return p;
            }
        }
        return null;
    }
}
