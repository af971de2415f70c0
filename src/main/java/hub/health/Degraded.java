package hub.health;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * The {@code DEGRADED} health status: a dependency whose outage slows the hub down or serves older data, but does
 * not make it unfit to take traffic. It maps to HTTP 200 and sits between DOWN and UP
 * ({@code management.endpoint.health.status}); the readiness group does not include these components.
 */
public final class Degraded {

    public static final Status STATUS = new Status("DEGRADED");

    private Degraded() {
    }

    /** UP when {@code check} returns within {@code timeout} without throwing, DEGRADED with the reason otherwise. */
    static Health probe(Duration timeout, Supplier<Health.Builder> check) {
        try {
            return CompletableFuture.supplyAsync(check).get(timeout.toMillis(), TimeUnit.MILLISECONDS).build();
        } catch (java.util.concurrent.TimeoutException e) {
            return Health.status(STATUS).withDetail("error", "no answer within " + timeout.toMillis() + " ms").build();
        } catch (java.util.concurrent.ExecutionException e) {
            return Health.status(STATUS).withException(e.getCause()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.status(STATUS).withException(e).build();
        }
    }
}
