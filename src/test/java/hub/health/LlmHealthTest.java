package hub.health;

import static org.assertj.core.api.Assertions.assertThat;

import hub.llm.LlmFailureCause;
import java.net.ServerSocket;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

class LlmHealthTest {

    private final DefaultCamelContext camel = new DefaultCamelContext();

    @Test
    void noLlmConfiguredIsUnknown() {
        Health health = health(false, "http://127.0.0.1:1/v1/chat/completions");
        assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat(health.getDetails()).containsEntry("enabled", false);
    }

    @Test
    void anEndpointNobodyListensOnIsDegradedWithConnectionRefused() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0)) {
            port = closed.getLocalPort();
        }
        Health health = health(true, "http://127.0.0.1:" + port + "/v1/chat/completions");
        assertThat(health.getStatus()).isEqualTo(Degraded.STATUS);
        assertThat(health.getDetails().get("error").toString()).startsWith("connection refused");
        assertThat(health.getDetails()).containsEntry("endpoint", "127.0.0.1:" + port);
    }

    @Test
    void aListeningEndpointWithClosedBreakersIsUp() throws Exception {
        try (ServerSocket listening = new ServerSocket(0)) {
            Health health = health(true, "http://127.0.0.1:" + listening.getLocalPort() + "/v1/chat/completions");
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsKeys(LlmHealth.BREAKERS.toArray(String[]::new));
        }
    }

    @Test
    void anUnknownHostIsNamed() {
        Health health = health(true, "https://llm.invalid/v1/chat/completions");
        assertThat(health.getStatus()).isEqualTo(Degraded.STATUS);
        assertThat(health.getDetails().get("error").toString()).startsWith("unknown host");
        assertThat(health.getDetails()).containsEntry("endpoint", "llm.invalid:443");
    }

    private Health health(boolean enabled, String url) {
        return new LlmHealth(camel, new LlmFailureCause(), enabled, url, 1000).health();
    }
}
