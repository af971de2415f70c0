package hub.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import hub.gtc.TestPdfs;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import monitoring.MetricNames;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.camel.util.function.ThrowingConsumer;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The hub as an operator sees it, with Smart Search (two WireMock regions, the primary failing)
 * behind the GTC validation: one W3C trace from the caller through intake, queue, worker, LLM and Smart Search; the
 * correlation id in the logs; the business meters with their region tag; and the name check: every metric the alert
 * rules and dashboards query is exported by this hub after it processed jobs, or comes from an allowed exporter.
 */
@DirtiesContext
@TestPropertySource(properties = {
    "hub.smart-search.enabled=true",
    "hub.smart-search.api-key=test-smart-search-key",
    "camel.resilience4j.configurations.smartSearch.minimum-number-of-calls=2",
    "camel.resilience4j.configurations.smartSearch.sliding-window-size=2"
})
class ObservabilityIT extends LocalServicesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WireMockServer PRIMARY = start();
    private static final WireMockServer SECONDARY = start();

    @Autowired
    ProducerTemplate template;

    @DynamicPropertySource
    static void smartSearchRegions(DynamicPropertyRegistry registry) {
        registry.add("hub.smart-search.primary.url", () -> "http://127.0.0.1:" + PRIMARY.port());
        registry.add("hub.smart-search.secondary.url", () -> "http://127.0.0.1:" + SECONDARY.port());
        // A delivery destination (route template deliver-webhook) whose receiver answers 404: its drops are counted
        // in hub_deliveries_dropped_total, which the alert DeliveriesDropped reads.
        registry.add("camel.route-template.config[0].templateId", () -> "deliver-webhook");
        registry.add("camel.route-template.config[0].routeId", () -> "deliver-report-ops");
        registry.add("camel.route-template.config[0].name", () -> "ops");
        registry.add("camel.route-template.config[0].event", () -> "report-completed");
        registry.add("camel.route-template.config[0].url", () -> "http://127.0.0.1:" + SECONDARY.port() + "/hooks/ops");
        registry.add("camel.route-template.config[0].redeliveryDelay", () -> "10");
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        return server;
    }

    @AfterAll
    static void stopRegions() {
        PRIMARY.stop();
        SECONDARY.stop();
    }

    /** The primary region fails; the secondary finds one GTC and serves its PDF. */
    @BeforeEach
    void smartSearch() throws Exception {
        PRIMARY.resetAll();
        SECONDARY.resetAll();
        llm.resetRequests();
        PRIMARY.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(503)));
        String gtcId = "gtc-obs-" + UUID.randomUUID().toString().substring(0, 8);
        SECONDARY.stubFor(get(urlPathEqualTo("/search")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(JSON.writeValueAsString(Map.of("results",
                        List.of(Map.of("id", gtcId, "title", "General Terms and Conditions", "product", "FutureNest",
                                "version", "2026.1", "effectiveFrom", "2026-01-01", "language", "en",
                                "pdfId", gtcId + "-pdf")))))));
        SECONDARY.stubFor(get(urlPathMatching("/documents/.*/pdf"))
                .willReturn(aResponse().withStatus(200).withBody(TestPdfs.savingsAccountGtc())));
    }

    private static String gtcSubmission(String text) throws Exception {
        return JSON.writeValueAsString(Map.of(
                "article", Map.of("title", "Savings", "text", text, "format", "plain", "language", "en"),
                "guidelineSet", "it-llm",
                "options", Map.of("gtcValidation", true, "gtcQueries", List.of("management fee " + UUID.randomUUID()))));
    }

    private HttpResponse<String> post(String body, Map<String, String> headers) {
        List<String> pairs = new ArrayList<>();
        headers.forEach((name, value) -> {
            pairs.add(name);
            pairs.add(value);
        });
        return hub.post("/api/v1/jobs", "application/json", HttpRequest.BodyPublishers.ofString(body),
                pairs.toArray(String[]::new));
    }

    @Test
    void oneTraceCoversIntakeQueueWorkerLlmAndSmartSearchAndTheLogsCarryItsIds() throws Exception {
        withWorkerLog(this::traceAndLogs);
    }

    /**
     * No span exporter is configured here (management.otlp.tracing.endpoint), so a trace the hub starts is not
     * recorded (hub.tracing.SamplingConfig); its ids still travel and reach the logs.
     */
    @Test
    void aTraceTheHubStartsWithoutAnExporterIsUnsampledButStillTravelsAndReachesTheLogs() throws Exception {
        withWorkerLog(logged -> {
            // Without GTC validation: the primary region's breaker stays as the other tests expect it.
            HttpResponse<String> accepted = post(submission("it-llm", "Our fund beats the market."), Map.of());
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            String jobId = HubClient.json(accepted).path("jobId").asText();
            hub.awaitReport(jobId);
            List<LoggedRequest> outgoing = llm.findAll(anyRequestedFor(anyUrl()));
            assertThat(outgoing).as("LLM requests").isNotEmpty();
            String traceId = outgoing.get(0).getHeader("traceparent").substring(3, 35);
            for (LoggedRequest r : outgoing) {
                assertThat(r.getHeader("traceparent")).as(r.getUrl()).matches("00-" + traceId + "-[0-9a-f]{16}-00");
            }
            JsonNode completed = await().atMost(Duration.ofSeconds(5))
                    .until(() -> logLine(logged, "Job " + jobId + " COMPLETED"), line -> line != null);
            assertThat(completed.path("trace_id").asText()).isEqualTo(traceId);
        });
    }

    private void withWorkerLog(ThrowingConsumer<ByteArrayOutputStream, Exception> check) throws Exception {
        // The worker's log lines as `logging.structured.format.console=ecs` writes them (Spring Boot's encoder); the
        // JVM's console configuration is whatever the first test context set up.
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(logging);
        encoder.setFormat("ecs");
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        OutputStreamAppender<ILoggingEvent> json = new OutputStreamAppender<>();
        json.setContext(logging);
        json.setEncoder(encoder);
        json.setOutputStream(logged);
        json.start();
        logging.getLogger("process-job").addAppender(json);
        try {
            check.accept(logged);
        } finally {
            logging.getLogger("process-job").detachAppender(json);
            json.stop();
        }
    }

    private void traceAndLogs(ByteArrayOutputStream logged) throws Exception {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String parentSpan = HexFormat.of().formatHex(randomBytes(8));
        String correlationId = "obs-" + UUID.randomUUID();

        HttpResponse<String> accepted = post(gtcSubmission("Our management fee is 0% a year."), Map.of(
                "traceparent", "00-" + traceId + "-" + parentSpan + "-01", "X-Correlation-ID", correlationId));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.headers().firstValue("X-Correlation-ID")).contains(correlationId);
        String jobId = HubClient.json(accepted).path("jobId").asText();
        JsonNode report = hub.awaitReport(jobId);
        assertThat(report.path("gtc").path("lookups").get(0).path("source").asText()).isEqualTo("secondary");

        // Out over HTTP to the LLM and to both Smart Search regions, through the queue: the caller's trace.
        List<LoggedRequest> outgoing = new ArrayList<>(llm.findAll(anyRequestedFor(anyUrl())));
        assertThat(outgoing).as("LLM requests").isNotEmpty();
        List<LoggedRequest> primary = PRIMARY.findAll(anyRequestedFor(anyUrl()));
        // Smart Search's requests; the webhook deliveries the secondary also receives may be another test's job's.
        List<LoggedRequest> secondary = SECONDARY.findAll(anyRequestedFor(urlPathMatching("/(search|documents/).*")));
        assertThat(primary).as("primary region requests").isNotEmpty();
        assertThat(secondary).as("secondary region requests").isNotEmpty();
        outgoing.addAll(primary);
        outgoing.addAll(secondary);
        for (LoggedRequest r : outgoing) {
            assertThat(r.getHeader("traceparent")).as(r.getUrl()).matches("00-" + traceId + "-[0-9a-f]{16}-01")
                    .doesNotContain(parentSpan);
        }

        // The worker's log line, as JSON, with the trace, span, correlation and job ids.
        JsonNode completed = await().atMost(Duration.ofSeconds(5)).until(() -> logLine(logged, "Job " + jobId + " COMPLETED"),
                line -> line != null);
        assertThat(completed.path("trace_id").asText()).isEqualTo(traceId);
        assertThat(completed.path("span_id").asText()).matches("[0-9a-f]{16}");
        assertThat(completed.path("correlationId").asText()).isEqualTo(correlationId);
        assertThat(completed.path("jobId").asText()).isEqualTo(jobId);
        assertThat(completed.path("log").path("level").asText()).isEqualTo("INFO");
    }

    @Test
    void aCorrelationIdIsGeneratedWhenMissingAndReplacedWhenUnsafe() {
        HttpResponse<String> none = post(submission("it-rules", "No correlation id."), Map.of());
        assertThat(none.headers().firstValue("X-Correlation-ID")).hasValueSatisfying(id -> UUID.fromString(id));
        HttpResponse<String> unsafe = post(submission("it-rules", "An unsafe correlation id."),
                Map.of("X-Correlation-ID", "x\" onload=alert(1)"));
        assertThat(unsafe.headers().firstValue("X-Correlation-ID")).hasValueSatisfying(id -> UUID.fromString(id));
        HttpResponse<String> tooLong = post(submission("it-rules", "A long correlation id."),
                Map.of("X-Correlation-ID", "a".repeat(129)));
        assertThat(tooLong.headers().firstValue("X-Correlation-ID")).hasValueSatisfying(id -> UUID.fromString(id));
    }

    @Test
    void theHubExportsEveryMetricTheAlertsAndDashboardsQueryEachWithItsRegion() throws Exception {
        // Work for every meter: REST and queue submissions, LLM calls, a Smart Search failover, a failed job.
        String jobId = hub.submit(gtcSubmission("Our management fee is 0% a year."));
        hub.awaitReport(jobId);
        String batchId = "obs-" + UUID.randomUUID();
        template.sendBodyAndHeader("{{hub.queue.batches.producer}}", BatchIntakeIT.batch(batchId, 2, "it-rules"),
                "messageId", UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM jobs j JOIN batches b ON b.id = j.batch_id WHERE b.external_batch_id = ? "
                        + "AND j.status = 'COMPLETED'", Long.class, batchId) == 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> scrape().contains("compliance_jobs_waiting{"));

        String scrape = scrape();
        Map<String, Set<String>> exported = new TreeMap<>();
        for (String line : scrape.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String name = line.split("[{ ]", 2)[0];
            exported.computeIfAbsent(name, k -> new TreeSet<>()).add(line);
            assertThat(line).as("every series carries the region tag").contains("region=\"");
        }

        assertThat(series(exported, "compliance_jobs_submitted_total")).anyMatch(l -> l.contains("source=\"rest\""))
                .anyMatch(l -> l.contains("source=\"queue\""));
        assertThat(series(exported, "compliance_jobs_completed_total"))
                .anyMatch(l -> l.contains("status=\"COMPLETED\"") && l.contains("region=\"westeurope\""));
        assertThat(series(exported, "compliance_job_duration_seconds_bucket"))
                .anyMatch(l -> l.contains("le=\"15.0\"")).anyMatch(l -> l.contains("le=\"35.0\""))
                .anyMatch(l -> l.contains("le=\"0.3\""));
        assertThat(series(exported, "compliance_score_bucket")).anyMatch(l -> l.contains("guideline_set=\"it-llm\""));
        assertThat(series(exported, "guideline_verdicts_total")).anyMatch(l -> l.contains("guideline_set=\"it-llm\"")
                && l.contains("guideline=\"llm-fees\"") && l.contains("verdict=\"PASS\""));
        assertThat(series(exported, "llm_requests_total")).anyMatch(l -> l.contains("model=\"claude\"")
                && l.contains("status=\"200\""));
        assertThat(series(exported, "llm_tokens_total")).anyMatch(l -> l.contains("kind=\"prompt\""))
                .anyMatch(l -> l.contains("kind=\"completion\""));
        assertThat(series(exported, "llm_latency_seconds_count")).isNotEmpty();
        assertThat(series(exported, "compliance_queue_depth")).anyMatch(l -> l.contains("queue=\"jobs\""))
                .anyMatch(l -> l.contains("queue=\"batches\""));
        assertThat(series(exported, "compliance_jobs_in_flight")).isNotEmpty();
        assertThat(series(exported, "camel_exchanges_total")).anyMatch(l -> l.contains("routeId=\"process-job\""));
        assertThat(series(exported, "camel_route_policy_seconds_count")).isNotEmpty();
        assertThat(series(exported, "resilience4j_circuitbreaker_state")).anyMatch(l -> l.contains("name=\"llm-circuit-breaker\""));
        assertThat(series(exported, "hikaricp_connections_active")).isNotEmpty();
        assertThat(series(exported, "hub_deliveries_dropped_total")).anyMatch(l -> l.contains("destination=\"ops\"")
                && l.contains("reason=\"retries_exhausted\""));
        assertThat(series(exported, "jvm_memory_used_bytes")).isNotEmpty();
        assertThat(series(exported, "http_server_requests_seconds_bucket"))
                .anyMatch(l -> l.contains("uri=\"/api/v1/jobs\"") && l.contains("le=\"0.3\""));

        // Camel's spans do not become meters (they were named after routes, paths and log lines with job ids).
        assertThat(exported.keySet()).noneMatch(n -> n.matches(".*[0-9a-f]{8}_[0-9a-f]{4}_[0-9a-f]{4}.*"))
                .noneMatch(n -> n.startsWith("_api_") || n.startsWith("process_job_") || n.startsWith("direct_"));
        // The OpenMetrics form Prometheus asks for has no exemplars: on a summary's _count they fail the scrape.
        HttpResponse<String> openMetrics = hub.get("/actuator/prometheus",
                "Accept", "application/openmetrics-text; version=1.0.0; charset=utf-8");
        assertThat(openMetrics.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/openmetrics-text"));
        assertThat(openMetrics.body()).contains("camel_route_policy_seconds_count").doesNotContain(" # {");

        // The name check.
        Map<String, Set<String>> unknown = new TreeMap<>();
        MetricNames.referenced(Path.of("monitoring/prometheus/alerts.yaml"), Path.of("monitoring/grafana"))
                .forEach((name, where) -> {
                    if (!exported.containsKey(name) && !MetricNames.external(name)) {
                        unknown.put(name, where);
                    }
                });
        assertThat(unknown).as("metrics queried by alerts or dashboards that the hub does not export").isEmpty();
    }

    private static Set<String> series(Map<String, Set<String>> exported, String name) {
        assertThat(exported).as("exported metrics").containsKey(name);
        return exported.get(name);
    }

    private String scrape() {
        HttpResponse<String> r = hub.get("/actuator/prometheus");
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private static JsonNode logLine(ByteArrayOutputStream logged, String message) {
        String text;
        synchronized (logged) {
            text = logged.toString(StandardCharsets.UTF_8);
        }
        for (String line : text.split("\n")) {
            if (line.startsWith("{") && line.contains(message)) {
                try {
                    return JSON.readTree(line);
                } catch (Exception e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1;
        return bytes;
    }
}
