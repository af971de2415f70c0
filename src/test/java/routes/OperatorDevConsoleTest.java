package routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * {@link OperatorDevConsole}: Camel's developer console as served at /actuator/camel (hub.it.RouteReloadIT runs it
 * through the HTTP server): only the allowed consoles, and endpoint URIs masked as in Camel's logs.
 */
class OperatorDevConsoleTest {

    @Test
    void masksTheSecretsOfEndpointUrisAtAnyDepth() {
        String uri = "azure-servicebus:jobs?connectionString=RAW(Endpoint=sb://hub.servicebus.windows.net/;"
                + "SharedAccessKeyName=hub;SharedAccessKey=s3cr3t)&prefetchCount=0";
        Map<String, Object> answer = Map.of("route", Map.of("routes", List.of(Map.of("routeId", "process-job",
                "from", uri, "statistics", Map.of("exchangesTotal", 3L)))));
        String masked = String.valueOf(OperatorDevConsole.masked(answer));
        assertThat(masked).doesNotContain("s3cr3t").doesNotContain("SharedAccessKey")
                .contains("azure-servicebus:jobs").contains("prefetchCount=0").contains("process-job")
                .contains("exchangesTotal");
    }

    @Test
    void servesOnlyTheAllowedConsoles() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.setDevConsole(true);
            camel.start();
            OperatorDevConsole console = new OperatorDevConsole(camel, List.of("context", "route"));
            JsonObject index = console.getConsoles();
            assertThat(index.keySet()).containsExactlyInAnyOrder("context", "route");
            assertThat(console.getConsoleById("all").keySet()).containsExactlyInAnyOrder("context", "route");
            assertThat(console.getConsoleById("system-properties")).isNull();
            assertThat(console.getConsoleById("context").keySet()).containsExactly("context");
        }
    }
}
