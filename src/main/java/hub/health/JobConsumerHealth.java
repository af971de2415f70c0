package hub.health;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Part of readiness: the job queue consumer ({@code process-job}) of this instance runs. An instance whose workers
 * are stopped would accept jobs it never works on.
 */
@Component("jobConsumerHealthIndicator")
public class JobConsumerHealth implements HealthIndicator {

    static final String ROUTE = "process-job";

    private final CamelContext camel;

    public JobConsumerHealth(CamelContext camel) {
        this.camel = camel;
    }

    @Override
    public Health health() {
        Route route = camel.getRoute(ROUTE);
        ServiceStatus status = route == null ? null : camel.getRouteController().getRouteStatus(ROUTE);
        if (status == ServiceStatus.Started && camel.getStatus() == ServiceStatus.Started) {
            return Health.up().withDetail("route", ROUTE).build();
        }
        return Health.down().withDetail("route", ROUTE).withDetail("status", String.valueOf(status)).build();
    }
}
