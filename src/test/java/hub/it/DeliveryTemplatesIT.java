package hub.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * docs/routes.md, "Deliver each completed report to a new destination": three destinations made from the route
 * template deliver-webhook by settings alone (camel.route-template.config), with a WireMock on loopback playing a
 * Teams channel's webhook, a partner's batch receiver and a destination that is down and slow. The job completes
 * as fast as ever whatever the destinations do.
 */
@DirtiesContext
@TestPropertySource(properties = {
    // Jobs other test classes left QUEUED in the shared schema are not recovered here: each would be delivered too.
    "hub.recovery.startup-delay-ms=3600000",
    "hub.recovery.requeue-after-seconds=3600"
})
class DeliveryTemplatesIT extends LocalServicesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WireMockServer RECEIVER =
            new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());

    /**
     * The body a Teams Workflows webhook ("When a Teams webhook request is received") posts: an Adaptive Card. Two
     * closing braces are written "} }": Camel would read "}}" as the end of a {{placeholder}}.
     */
    static final String TEAMS_PAYLOAD = "{\"type\":\"message\",\"attachments\":[{\"contentType\":"
            + "\"application/vnd.microsoft.card.adaptive\",\"content\":{\"type\":\"AdaptiveCard\",\"version\":\"1.4\","
            + "\"body\":[{\"type\":\"TextBlock\",\"text\":\"Job $simple{body[jobId]} scored $simple{body[score]}\"}]} }]}";

    @Autowired
    CamelContext camel;

    @DynamicPropertySource
    static void destinations(DynamicPropertyRegistry registry) {
        if (!RECEIVER.isRunning()) {
            RECEIVER.start();
        }
        String base = "http://127.0.0.1:" + RECEIVER.port();
        // All of one list in one property source: Spring takes an indexed list from the highest source that has it.
        registry.add("camel.route-template.config[0].templateId", () -> "deliver-webhook");
        registry.add("camel.route-template.config[0].routeId", () -> "deliver-report-teams");
        registry.add("camel.route-template.config[0].name", () -> "teams");
        registry.add("camel.route-template.config[0].event", () -> "report-completed");
        registry.add("camel.route-template.config[0].payload", () -> TEAMS_PAYLOAD);
        registry.add("camel.route-template.config[1].templateId", () -> "deliver-webhook");
        registry.add("camel.route-template.config[1].routeId", () -> "deliver-report-down");
        registry.add("camel.route-template.config[1].name", () -> "down");
        registry.add("camel.route-template.config[1].event", () -> "report-completed");
        registry.add("camel.route-template.config[1].redeliveryDelay", () -> "100");
        registry.add("camel.route-template.config[2].templateId", () -> "deliver-webhook");
        registry.add("camel.route-template.config[2].routeId", () -> "deliver-batch-partner");
        registry.add("camel.route-template.config[2].name", () -> "partner");
        registry.add("camel.route-template.config[2].event", () -> "batch-completed");
        // A Teams workflow URL carries its signature in the query string: it must arrive as it is.
        registry.add("camel.route-template.config[0].url", () -> base + "/teams/hook?api-version=1&sig=a%2Bb");
        registry.add("camel.route-template.config[1].url", () -> base + "/down");
        registry.add("camel.route-template.config[2].url", () -> base + "/partner/batches");
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.stop();
    }

    @BeforeEach
    void serve() {
        RECEIVER.resetAll();
        RECEIVER.stubFor(post(urlPathEqualTo("/teams/hook")).willReturn(aResponse().withStatus(202)));
        RECEIVER.stubFor(post(urlPathEqualTo("/partner/batches")).willReturn(aResponse().withStatus(200)));
        // Down and slow: 503 after 2 s, every time.
        RECEIVER.stubFor(post(urlEqualTo("/down")).willReturn(aResponse().withStatus(503).withFixedDelay(2_000)));
    }

    @Test
    void theTemplateInstancesAreRoutesMadeFromSettings() {
        assertThat(camel.getRoute("deliver-report-teams").getEndpoint().getEndpointUri())
                .startsWith("seda://deliver-report-completed-teams");
        assertThat(camel.getRoute("deliver-batch-partner").getEndpoint().getEndpointUri())
                .startsWith("seda://deliver-batch-completed-partner");
    }

    @Test
    void eachCompletedReportIsPostedToItsDestinationsAndADeadOneNeitherFailsNorDelaysTheJob() throws Exception {
        String jobId = hub.submit(submission("it-rules", "An article that promises guaranteed returns."));
        hub.awaitStatus(jobId, Set.of("COMPLETED"), Duration.ofSeconds(30));
        Duration run = Duration.between(
                jdbc.queryForObject("SELECT created_at FROM jobs WHERE id = CAST(? AS uuid)", OffsetDateTime.class, jobId),
                jdbc.queryForObject("SELECT completed_at FROM jobs WHERE id = CAST(? AS uuid)", OffsetDateTime.class, jobId));
        assertThat(run).as("the job never waits for a destination (one attempt at /down alone takes 2 s)")
                .isLessThan(Duration.ofSeconds(2));
        JsonNode report = hub.awaitReport(jobId);

        await().atMost(Duration.ofSeconds(15)).until(() -> posts("/teams/hook").size() == 1);
        LoggedRequest teams = posts("/teams/hook").get(0);
        assertThat(teams.getUrl()).isEqualTo("/teams/hook?api-version=1&sig=a%2Bb");
        assertThat(teams.getHeader("Content-Type")).startsWith("application/json");
        JsonNode card = JSON.readTree(teams.getBodyAsString());
        assertThat(card.path("attachments").path(0).path("contentType").asText())
                .isEqualTo("application/vnd.microsoft.card.adaptive");
        String text = card.path("attachments").path(0).path("content").path("body").path(0).path("text").asText();
        assertThat(text).startsWith("Job " + jobId + " scored ");
        assertThat(new java.math.BigDecimal(text.substring(("Job " + jobId + " scored ").length())))
                .isEqualByComparingTo(report.path("score").decimalValue());
        assertThat(teams.getHeader("Authorization")).as("none of the job's headers travel").isNull();

        // The dead destination: the first attempt and three retries, then the event is dropped with an error logged.
        await().atMost(Duration.ofSeconds(30)).until(() -> posts("/down").size() == 4);
        JsonNode event = JSON.readTree(posts("/down").get(0).getBodyAsString());
        assertThat(event.path("type").asText()).isEqualTo("report.completed");
        assertThat(event.path("jobId").asText()).isEqualTo(jobId);
        assertThat(event.path("guidelineSet").asText()).isEqualTo("it-rules");
        assertThat(event.path("links").path("result").asText()).isEqualTo("/api/v1/jobs/" + jobId + "/result");
        assertThat(posts("/partner/batches")).as("a single job is no batch").isEmpty();
    }

    @Test
    void eachCompletedBatchIsPostedToItsDestination() throws Exception {
        String batchId = "it-delivery-" + UUID.randomUUID();
        HttpResponse<String> accepted = hub.post("/api/v1/batches", "application/json",
                BatchIntakeIT.batch(batchId, 2, "it-rules"));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = HubClient.json(accepted).path("id").asText();

        await().atMost(Duration.ofSeconds(30)).until(() -> posts("/partner/batches").size() == 1);
        JsonNode event = JSON.readTree(posts("/partner/batches").get(0).getBodyAsString());
        assertThat(event.path("type").asText()).isEqualTo("batch.completed");
        assertThat(event.path("id").asText()).isEqualTo(id);
        assertThat(event.path("batchId").asText()).isEqualTo(batchId);
        assertThat(event.path("items").asInt()).isEqualTo(2);
        assertThat(event.path("counts").path("COMPLETED").asInt()).isEqualTo(2);
        assertThat(event.path("counts").path("FAILED").asInt()).isZero();
        assertThat(event.path("links").path("results").asText()).isEqualTo("/api/v1/batches/" + id + "/results");
        // The batch's two jobs were each delivered as a report too.
        await().atMost(Duration.ofSeconds(15)).until(() -> posts("/teams/hook").size() == 2);
    }

    private static List<LoggedRequest> posts(String path) {
        return RECEIVER.findAll(postRequestedFor(urlPathEqualTo(path)));
    }
}
