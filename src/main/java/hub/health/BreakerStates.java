package hub.health;

import org.apache.camel.CamelContext;
import org.apache.camel.component.resilience4j.ResilienceProcessor;

/** The state of a circuit breaker of the routes, by its id: CLOSED, OPEN, HALF_OPEN, or UNKNOWN when absent. */
final class BreakerStates {

    private BreakerStates() {
    }

    static String of(CamelContext camel, String breakerId) {
        return camel.getProcessor(breakerId) instanceof ResilienceProcessor p ? p.getCircuitBreakerState() : "UNKNOWN";
    }
}
