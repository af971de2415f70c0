package hub.health;

import hub.llm.LlmFailureCause;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The LLM endpoint: UNKNOWN when no LLM is configured ({@code hub.llm.enabled=false}); otherwise DEGRADED when its
 * host does not accept a connection (the cause named: connection refused, unknown host, timeout) or one of the
 * routes' LLM circuit breakers is open, UP when it accepts connections and every breaker is closed. Model-judged
 * guidelines then come back NOT_EVALUATED or ERROR, but rules still judge, so the instance stays in rotation: never
 * part of readiness. Details show the endpoint's host and port and each breaker's state, never the key.
 */
@Component("llmHealthIndicator")
public class LlmHealth implements HealthIndicator {

    static final List<String> BREAKERS = List.of("llm-circuit-breaker", "llm-batch-circuit-breaker",
            "llm-candidates-circuit-breaker", "llm-gtc-circuit-breaker");

    private final CamelContext camel;
    private final LlmFailureCause causes;
    private final boolean enabled;
    private final String url;
    private final Duration timeout;

    public LlmHealth(CamelContext camel, LlmFailureCause causes, @Value("${hub.llm.enabled:false}") boolean enabled,
                     @Value("${hub.llm.url:}") String url, @Value("${hub.health.timeout-ms:2000}") long timeoutMs) {
        this.camel = camel;
        this.causes = causes;
        this.enabled = enabled;
        this.url = url;
        this.timeout = Duration.ofMillis(timeoutMs);
    }

    @Override
    public Health health() {
        if (!enabled) {
            return Health.unknown().withDetail("enabled", false).build();
        }
        URI endpoint = URI.create(url);
        int port = endpoint.getPort() > 0 ? endpoint.getPort() : "https".equalsIgnoreCase(endpoint.getScheme()) ? 443 : 80;
        String address = endpoint.getHost() + ":" + port;
        Health reachable = Degraded.probe(timeout.plusMillis(500), () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(endpoint.getHost(), port), (int) timeout.toMillis());
                return Health.up();
            } catch (IOException e) {
                return Health.status(Degraded.STATUS).withDetail("error", causes.describe(e));
            }
        });
        Health.Builder health = Health.status(reachable.getStatus()).withDetails(reachable.getDetails())
                .withDetail("endpoint", address);
        for (String breaker : BREAKERS) {
            String state = BreakerStates.of(camel, breaker);
            health.withDetail(breaker, state);
            if ("OPEN".equals(state)) {
                health.status(Degraded.STATUS);
            }
        }
        return health.build();
    }
}
