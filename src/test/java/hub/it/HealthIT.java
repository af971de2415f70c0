package hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.resilience4j.ResilienceProcessor;
import org.junit.jupiter.api.Test;

/**
 * Health as an orchestrator sees it: readiness follows PostgreSQL and the job consumer; Redis, Blob Storage and
 * Smart Search only report DEGRADED (HTTP 200) and keep the instance in rotation. The Redis and Blob cases are in
 * {@link StoreOutageIT}, whose hubs have those stores down.
 */
class HealthIT {

    /** The component is DEGRADED in /actuator/health (HTTP 200), and readiness is still UP. */
    static void assertDegradedButReady(HubClient client, String component) {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            HttpResponse<String> health = client.get("/actuator/health");
            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            JsonNode json = HubClient.json(health);
            assertThat(json.path("components").path(component).path("status").asText()).as(health.body())
                    .isEqualTo("DEGRADED");
            assertThat(json.path("status").asText()).isEqualTo("DEGRADED");
        });
        HttpResponse<String> readiness = client.get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
    }

    /** A hub on the local services whose PostgreSQL connections go through the proxy. */
    private static RunningHub startThrough(TcpProxy postgres, String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + postgres.port() + "/test?currentSchema="
                        + TestDatabase.SCHEMA));
        args.addAll(java.util.List.of(more));
        return RunningHub.local("health-" + java.util.UUID.randomUUID(), args.toArray(String[]::new));
    }

    @Test
    void readinessFollowsPostgresAndTheJobConsumerWhileSmartSearchOnlyDegrades() throws Exception {
        try (TcpProxy postgres = new TcpProxy(5432);
             RunningHub hub = startThrough(postgres,
                     "--spring.datasource.hikari.connection-timeout=1000",
                     "--spring.datasource.hikari.validation-timeout=500",
                     "--hub.smart-search.enabled=true")) {
            HubClient client = hub.client();
            assertThat(client.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
            JsonNode health = HubClient.json(client.get("/actuator/health"));
            assertThat(health.path("status").asText()).isEqualTo("UP");
            assertThat(health.path("components").path("cache").path("status").asText()).isEqualTo("UP");
            assertThat(health.path("components").path("blobStore").path("status").asText()).isEqualTo("UP");

            // PostgreSQL gone: out of rotation; back: in again.
            postgres.cut();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                HttpResponse<String> r = client.get("/actuator/health/readiness");
                assertThat(r.statusCode()).isEqualTo(503);
                assertThat(HubClient.json(r).path("components").path("db").path("status").asText()).isEqualTo("DOWN");
            });
            assertThat(client.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
            postgres.restore();
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(client.get("/actuator/health/readiness").statusCode()).isEqualTo(200));

            // The job consumer stopped: out of rotation.
            CamelContext camel = hub.bean(CamelContext.class);
            camel.getRouteController().stopRoute("process-job");
            HttpResponse<String> stopped = client.get("/actuator/health/readiness");
            assertThat(stopped.statusCode()).isEqualTo(503);
            assertThat(HubClient.json(stopped).path("components").path("jobConsumer").path("status").asText())
                    .isEqualTo("DOWN");
            camel.getRouteController().startRoute("process-job");
            assertThat(client.get("/actuator/health/readiness").statusCode()).isEqualTo(200);

            // A Smart Search region's breaker open: DEGRADED, still ready.
            ((ResilienceProcessor) camel.getProcessor("smart-search-primary")).getCircuitBreaker().transitionToOpenState();
            assertDegradedButReady(client, "smartSearch");
            ((ResilienceProcessor) camel.getProcessor("smart-search-primary")).getCircuitBreaker().reset();
            assertThat(HubClient.json(client.get("/actuator/health")).path("components").path("smartSearch")
                    .path("status").asText()).isEqualTo("UP");
        }
    }
}
