package hub.it;

import static org.assertj.core.api.Assertions.assertThat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Backing stores that are down: a blob outage does not stop submissions (the job and its article are stored in
 * PostgreSQL) and delays their reports without spending attempts; a Redis outage only moves status reads to PostgreSQL. Each hub here points one store at a closed port on loopback.
 */
class StoreOutageIT {

    private static final String CLOSED_PORT = "127.0.0.1:10999";
    /** Two attempts per job here: the outage must outlast them without failing the job. */
    private static final int MAX_ATTEMPTS = 2;

    /**
     * Seen failing against a planted bug: JobFailures.classify treating a store outage as any other error
     * ({@code boolean outage = false}): "status FAILED, attempts 2" after the second evaluation. The old test stopped
     * at the first error, where an outage that spends attempts cannot show yet.
     */
    @Test
    void blobOutageStillAcceptsSubmissionsAndTheirJobsWaitWithoutSpendingAttempts() {
        // A schema of its own: the other hubs of this JVM would take over (and complete) the job it gives back.
        String[] schema = TestDatabase.isolatedSchema("outage");
        try (RunningHub hub = start(schema[0], schema[1], "--hub.worker.max-attempts=" + MAX_ATTEMPTS,
                "--hub.worker.max-retry-delay-seconds=1", "--hub.blob.connection-string=DefaultEndpointsProtocol=http;"
                + "AccountName=devstoreaccount1;"
                + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
                + "BlobEndpoint=http://" + CLOSED_PORT + "/devstoreaccount1;")) {
            blobOutage(hub);
        }
    }

    private static final String ARTICLE = "An article while the blob store is down.";

    private static void blobOutage(RunningHub hub) {
        JdbcTemplate jdbc = hub.bean(JdbcTemplate.class);
        LlmStub.server().resetAll();
        LlmStub.server().stubFor(LlmStub.anyChat().willReturn(LlmStub.verdict("PASS", "fine", List.of())));

        HttpResponse<String> r = hub.client().post("/api/v1/jobs", "application/json",
                LocalServicesIT.submission("it-llm", ARTICLE));

        // The job and its article are one PostgreSQL statement: the blob store is not on the submission path.
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        String jobId = HubClient.json(r).path("jobId").asText();
        assertThat(jdbc.queryForObject("SELECT article FROM job_articles WHERE job_id = CAST(? AS uuid)",
                String.class, jobId)).contains(ARTICLE);

        // Its report cannot be stored: the job goes back to the queue with its attempt given back, again and again,
        // more often than it has attempts, and never FAILS.
        Awaitility.await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(200)).until(() ->
                LlmStub.evaluations(ARTICLE) > MAX_ATTEMPTS || "FAILED".equals(jdbc.queryForObject(
                        "SELECT status FROM jobs WHERE id = CAST(? AS uuid)", String.class, jobId)));
        var row = jdbc.queryForMap("SELECT status, attempts, error FROM jobs WHERE id = CAST(? AS uuid)", jobId);
        assertThat(row.get("status")).as(row.toString()).isIn("QUEUED", "RUNNING");
        assertThat((Integer) row.get("attempts")).as(row.toString()).isLessThanOrEqualTo(1);
        assertThat(row.get("error")).as(row.toString()).asString().contains("A backing store was unavailable");
        assertThat(hub.client().get("/api/v1/jobs/" + jobId).statusCode()).isEqualTo(200);
        assertThat(hub.client().get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        HealthIT.assertDegradedButReady(hub.client(), "blobStore");
    }

    @Test
    void redisOutageOnlyMovesStatusReadsToPostgresAndBypassesTheGtcCaches() throws Exception {
        LlmStub.server().resetAll();
        LlmStub.server().stubFor(LlmStub.anyChat().willReturn(LlmStub.verdict("PASS", "fine", List.of())));
        WireMockServer smartSearch = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        smartSearch.start();
        smartSearch.stubFor(get(urlPathEqualTo("/search")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"results\": []}")));
        String url = "http://127.0.0.1:" + smartSearch.port();
        try (RunningHub hub = start("--spring.data.redis.url=redis://" + CLOSED_PORT, "--spring.data.redis.timeout=500ms",
                "--hub.smart-search.enabled=true", "--hub.smart-search.primary.url=" + url,
                "--hub.smart-search.secondary.url=" + url)) {
            redisOutage(hub);
        } finally {
            smartSearch.stop();
        }
    }

    private static void redisOutage(RunningHub hub) throws Exception {
        String body = new ObjectMapper().writeValueAsString(java.util.Map.of(
                "article", java.util.Map.of("text", "An article while Redis is down.", "format", "plain"),
                "guidelineSet", "it-llm",
                "options", java.util.Map.of("gtcValidation", true, "gtcQueries", List.of("management fee"))));
        String jobId = hub.client().submit(body);
        JsonNode report = hub.client().awaitReport(jobId);
        // The metadata cache and the rate limiter's Redis are bypassed: Smart Search itself answers.
        assertThat(report.path("gtc").path("lookups").get(0).path("source").asText()).isEqualTo("primary");

        HttpResponse<String> status = hub.client().get("/api/v1/jobs/" + jobId);
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.headers().firstValue("X-Status-Source")).contains("database");
        assertThat(HubClient.json(status).path("status").asText()).isEqualTo("COMPLETED");
        HealthIT.assertDegradedButReady(hub.client(), "cache");
    }

    private static RunningHub start(String... overrides) {
        return RunningHub.local("outage-" + java.util.UUID.randomUUID(), overrides);
    }
}
