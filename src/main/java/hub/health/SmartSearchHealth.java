package hub.health;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Smart Search, read from the two regional circuit breakers: DEGRADED while either is open (one region down: the
 * other serves; both down: GTCs come from the caches with a warning), UP otherwise, UNKNOWN when Smart Search is
 * not configured. Never part of readiness.
 */
@Component("smartSearchHealthIndicator")
public class SmartSearchHealth implements HealthIndicator {

    private final CamelContext camel;
    private final boolean enabled;
    private final Map<String, String> breakers = new LinkedHashMap<>();

    public SmartSearchHealth(CamelContext camel, @Value("${hub.smart-search.enabled:false}") boolean enabled,
                             @Value("${hub.smart-search.primary.region}") String primaryRegion,
                             @Value("${hub.smart-search.secondary.region}") String secondaryRegion) {
        this.camel = camel;
        this.enabled = enabled;
        breakers.put("smart-search-primary", primaryRegion);
        breakers.put("smart-search-secondary", secondaryRegion);
    }

    @Override
    public Health health() {
        if (!enabled) {
            return Health.unknown().withDetail("enabled", false).build();
        }
        Health.Builder health = Health.up();
        for (Map.Entry<String, String> breaker : breakers.entrySet()) {
            String state = BreakerStates.of(camel, breaker.getKey());
            health.withDetail(breaker.getValue(), state);
            if ("OPEN".equals(state)) {
                health.status(Degraded.STATUS);
            }
        }
        return health.build();
    }
}
