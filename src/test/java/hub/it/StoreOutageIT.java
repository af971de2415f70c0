package hub.it;

import static org.assertj.core.api.Assertions.assertThat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.azure.storage.blob.BlobServiceClient;
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
 * PostgreSQL) nor their reports (the blob copies wait, ADR 0025), and a job whose article is only in the blob store
 * waits without spending attempts; a Redis outage only moves status reads to PostgreSQL. Each hub here points one
 * store at a closed port on loopback.
 */
class StoreOutageIT {

    private static final String CLOSED_PORT = "127.0.0.1:10999";
    /** Two attempts per job here: the outage must outlast them without failing the job. */
    private static final int MAX_ATTEMPTS = 2;
    private static final String ARTICLE = "An article while the blob store is down.";

    /**
     * Seen failing against planted bugs: JobFailures.classify treating a store outage as any other error
     * ({@code boolean outage = false}): the old job "FAILED, attempts 2"; purge-archived-articles.sql without its
     * {@code NOT EXISTS} on pending_archives: the article of the job whose copies wait left PostgreSQL.
     */
    @Test
    void blobOutageDelaysOnlyTheArchiveCopiesAndAJobWhoseArticleIsInTheBlobStoreWaitsWithoutSpendingAttempts() {
        // A schema of its own: the other hubs of this JVM would take over (and complete) the jobs it gives back.
        String[] schema = TestDatabase.isolatedSchema("outage");
        String jobId;
        try (RunningHub hub = start(schema[0], schema[1], "--hub.worker.max-attempts=" + MAX_ATTEMPTS,
                "--hub.worker.max-retry-delay-seconds=1", "--hub.recovery.interval-ms=500",
                "--hub.archive.retry-after-seconds=1", "--hub.archive.sweep-interval-ms=500",
                "--hub.retention.articles.after-seconds=1", "--hub.retention.articles.interval-ms=500",
                "--hub.blob.connection-string=DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
                + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
                + "BlobEndpoint=http://" + CLOSED_PORT + "/devstoreaccount1;")) {
            jobId = blobOutage(hub);
        }
        // The store is back (Azurite): a hub on the same schema writes the copies the first could not.
        try (RunningHub hub = start(schema[0], schema[1], "--hub.archive.retry-after-seconds=1",
                "--hub.archive.sweep-interval-ms=500")) {
            JdbcTemplate jdbc = hub.bean(JdbcTemplate.class);
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> pendingArchives(jdbc, jobId) == 0);
            BlobServiceClient blobs = hub.bean(BlobServiceClient.class);
            assertThat(new ArticleBlobs(blobs).content(jobId + ".json")).contains(ARTICLE);
            assertThat(blobs.getBlobContainerClient("reports").getBlobClient(jobId + ".json").downloadContent()
                    .toString()).contains(jobId);
        }
    }

    private static String blobOutage(RunningHub hub) {
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

        // Nor on the report's: the job completes at its first attempt, and its blob copies wait, with the error.
        JsonNode report = hub.client().awaitReport(jobId);
        assertThat(report.path("jobId").asText()).isEqualTo(jobId);
        assertThat(jdbc.queryForObject("SELECT attempts FROM jobs WHERE id = CAST(? AS uuid)", Integer.class, jobId))
                .isEqualTo(1);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                jdbc.queryForObject("SELECT attempts FROM pending_archives WHERE job_id = CAST(? AS uuid)",
                        Integer.class, jobId) >= 2);
        assertThat(jdbc.queryForObject("SELECT last_error FROM pending_archives WHERE job_id = CAST(? AS uuid)",
                String.class, jobId)).isNotBlank();
        // Past its retention (1 s here) the article stays in PostgreSQL while its copy waits, though the purge ran:
        // it took the article of an archived job that completed before.
        String archived = JobRows.insert(jdbc, "COMPLETED", 1, MAX_ATTEMPTS, "1 minute", "{}");
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> articleRows(jdbc, archived) == 0);
        assertThat(articleRows(jdbc, jobId)).as("the article whose copy waits").isEqualTo(1);

        // A job stored before the articles moved to PostgreSQL (V6: no job_articles row) reads its article from the
        // blob store: the recovery sweep enqueues it, and it goes back to the queue with its attempt given back, more
        // often than it has attempts, and never FAILS.
        String oldJob = JobRows.insert(jdbc, "QUEUED", 0, MAX_ATTEMPTS, "0 seconds", null);
        java.util.Set<Object> releases = new java.util.HashSet<>();
        Awaitility.await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(50)).until(() -> {
            var row = jdbc.queryForMap("SELECT status, attempts, error, updated_at FROM jobs WHERE id = CAST(? AS uuid)",
                    oldJob);
            assertThat(row.get("status")).as(row.toString()).isIn("QUEUED", "RUNNING");
            assertThat((Integer) row.get("attempts")).as(row.toString()).isLessThanOrEqualTo(1);
            if ("QUEUED".equals(row.get("status")) && String.valueOf(row.get("error")).contains("A backing store was unavailable")) {
                releases.add(row.get("updated_at"));
            }
            return releases.size() > MAX_ATTEMPTS;
        });
        jdbc.update("DELETE FROM jobs WHERE id = CAST(? AS uuid)", oldJob);

        assertThat(hub.client().get("/api/v1/jobs/" + jobId).statusCode()).isEqualTo(200);
        assertThat(hub.client().get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        HealthIT.assertDegradedButReady(hub.client(), "blobStore");
        return jobId;
    }

    private static int articleRows(JdbcTemplate jdbc, String jobId) {
        return jdbc.queryForObject("SELECT count(*) FROM job_articles WHERE job_id = CAST(? AS uuid)", Integer.class,
                jobId);
    }

    private static int pendingArchives(JdbcTemplate jdbc, String jobId) {
        return jdbc.queryForObject("SELECT count(*) FROM pending_archives WHERE job_id = CAST(? AS uuid)",
                Integer.class, jobId);
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
