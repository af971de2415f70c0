package hub.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
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
import hub.report.PromptVersions;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * MLflow tracking against WireMock serving the REST API 2.0: every completed job logs one run (experiment per
 * guideline set, runs/create, runs/log-batch, runs/update) with the request bodies MLflow expects; MLflow down or
 * slow never fails or slows a job, and what is lost is counted.
 */
@DirtiesContext
@TestPropertySource(properties = {
    "hub.mlflow.queue-size=2",
    // The HTTP response timeout (shared by the LLM and MLflow calls): a hanging MLflow call fails after 10 s.
    "hub.llm.timeout-ms=10000",
    // Jobs other test classes left QUEUED in the shared schema are not recovered here: each would log a run too.
    "hub.recovery.startup-delay-ms=3600000",
    "hub.recovery.requeue-after-seconds=3600"
})
class MlflowTrackingIT extends LocalServicesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WireMockServer MLFLOW =
            new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    /** A fresh experiment prefix per run, so the experiment is created in this run. */
    private static final String PREFIX = "it-" + UUID.randomUUID() + "/";
    private static final String API = "/api/2.0/mlflow/";

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void mlflow(DynamicPropertyRegistry registry) {
        if (!MLFLOW.isRunning()) {
            MLFLOW.start();
        }
        registry.add("hub.mlflow.tracking-uri", () -> "http://127.0.0.1:" + MLFLOW.port());
        registry.add("hub.mlflow.experiment-prefix", () -> PREFIX);
    }

    @AfterAll
    static void stopMlflow() {
        MLFLOW.stop();
    }

    @Autowired
    org.apache.camel.CamelContext camel;

    /** Lets the runs an earlier test left in the MLflow queue finish first, so each test sees only its own. */
    @BeforeEach
    void drainAndResetMlflow() {
        org.apache.camel.component.seda.SedaEndpoint queue =
                (org.apache.camel.component.seda.SedaEndpoint) camel.getRoute("log-mlflow-run").getEndpoint();
        await().atMost(Duration.ofSeconds(60)).until(() -> queue.getCurrentQueueSize() == 0
                && camel.getInflightRepository().size("log-mlflow-run") == 0);
        MLFLOW.resetAll();
    }

    private static void serveMlflow() {
        MLFLOW.stubFor(get(urlPathEqualTo(API + "experiments/get-by-name")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error_code\":\"RESOURCE_DOES_NOT_EXIST\",\"message\":\"No such experiment\"}")));
        MLFLOW.stubFor(post(urlEqualTo(API + "experiments/create")).willReturn(okJson("{\"experiment_id\":\"17\"}")));
        MLFLOW.stubFor(post(urlEqualTo(API + "runs/create")).willReturn(
                okJson("{\"run\":{\"info\":{\"run_id\":\"run-42\",\"experiment_id\":\"17\",\"status\":\"RUNNING\"}}}")));
        MLFLOW.stubFor(post(urlEqualTo(API + "runs/log-batch")).willReturn(okJson("{}")));
        MLFLOW.stubFor(post(urlEqualTo(API + "runs/update")).willReturn(
                okJson("{\"run_info\":{\"run_id\":\"run-42\",\"status\":\"FINISHED\"}}")));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Test
    void aCompletedJobLogsOneRunWithItsParamsMetricsAndTags() throws Exception {
        serveMlflow();
        double loggedBefore = count("logged");
        String jobId = hub.submit(submission("it-llm", "A balanced article about a savings account."));
        hub.awaitStatus(jobId, Set.of("COMPLETED"), Duration.ofSeconds(30));

        await().atMost(Duration.ofSeconds(15)).until(() -> count("logged") > loggedBefore);
        String experiment = PREFIX + "it-llm";
        MLFLOW.verify(1, getRequestedFor(urlEqualTo(API + "experiments/get-by-name?experiment_name="
                + java.net.URLEncoder.encode(experiment, java.nio.charset.StandardCharsets.UTF_8))));
        MLFLOW.verify(1, postRequestedFor(urlEqualTo(API + "experiments/create"))
                .withRequestBody(equalToJson("{\"name\":\"" + experiment + "\"}")));

        JsonNode create = body(API + "runs/create");
        assertThat(create.path("experiment_id").asText()).isEqualTo("17");
        assertThat(create.path("run_name").asText()).isEqualTo("job-" + jobId);
        assertThat(create.path("start_time").asLong()).isPositive();
        Map<String, String> tags = keyValues(create.path("tags"));
        assertThat(tags).containsEntry("job_id", jobId).containsEntry("region", "westeurope")
                .containsEntry("partial", "false").containsEntry("gtc_status", "SKIPPED");

        JsonNode batch = body(API + "runs/log-batch");
        assertThat(batch.path("run_id").asText()).isEqualTo("run-42");
        assertThat(keyValues(batch.path("params"))).containsEntry("model", "claude")
                .containsEntry("prompt_version", PromptVersions.GUIDELINES)
                .containsEntry("gtc_prompt_version", "gtc-consistency/1")
                .containsEntry("guideline_set_id", "it-llm").containsEntry("guideline_set_version", "1.0.0");
        Map<String, Double> metrics = new HashMap<>();
        for (JsonNode m : batch.path("metrics")) {
            metrics.put(m.path("key").asText(), m.path("value").asDouble());
            assertThat(m.path("timestamp").asLong()).isPositive();
            assertThat(m.path("step").asInt()).isZero();
        }
        // it-llm: three guidelines the rules leave to the LLM, each one call of 120 + 30 tokens (LlmStub).
        assertThat(metrics).containsEntry("score", 100.0).containsEntry("prompt_tokens", 360.0)
                .containsEntry("completion_tokens", 90.0).containsEntry("llm_calls", 3.0)
                .containsEntry("verdict_pass", 3.0).containsEntry("verdict_fail", 0.0)
                .containsEntry("verdict_not_evaluated", 0.0).containsKey("duration_seconds");
        assertThat(metrics.get("duration_seconds")).isPositive().isLessThan(30.0);

        JsonNode finish = body(API + "runs/update");
        assertThat(finish.path("run_id").asText()).isEqualTo("run-42");
        assertThat(finish.path("status").asText()).isEqualTo("FINISHED");
        assertThat(finish.path("end_time").asLong()).isGreaterThanOrEqualTo(create.path("start_time").asLong());

        // The experiment id is remembered: a second job goes straight to runs/create.
        String second = hub.submit(submission("it-llm", "Another balanced article."));
        hub.awaitStatus(second, Set.of("COMPLETED"), Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(15)).until(() -> count("logged") > loggedBefore + 1);
        MLFLOW.verify(1, getRequestedFor(urlPathEqualTo(API + "experiments/get-by-name")));
        MLFLOW.verify(2, postRequestedFor(urlEqualTo(API + "runs/create"))
                .withRequestBody(matchingJsonPath("$.experiment_id", equalTo("17"))));
    }

    @Test
    void mlflowDownFailsNoJobAndCountsTheRunsItLost() {
        MLFLOW.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(anyUrl())
                .willReturn(aResponse().withStatus(503).withBody("upstream unavailable")));
        double failedBefore = count("failed");

        String jobId = hub.submit(submission("it-llm", "An article while MLflow is down."));
        JsonNode status = hub.awaitStatus(jobId, Set.of("COMPLETED", "FAILED"), Duration.ofSeconds(30));

        assertThat(status.path("status").asText()).isEqualTo("COMPLETED");
        await().atMost(Duration.ofSeconds(15)).until(() -> count("failed") > failedBefore);
        assertThat(MLFLOW.getAllServeEvents()).isNotEmpty();
    }

    @Test
    void hangingMlflowDropsRunsFromItsBoundedQueueAndNeverSlowsJobs() {
        serveMlflow();
        // MLflow hangs: every runs/create fails after the 10 s response timeout. One run at a time is in flight,
        // the queue holds two, the rest is dropped.
        MLFLOW.stubFor(post(urlEqualTo(API + "runs/create")).willReturn(
                okJson("{\"run\":{\"info\":{\"run_id\":\"run-slow\"}}}").withFixedDelay(15_000)));
        double droppedBefore = count("dropped");

        long started = System.nanoTime();
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            jobs.add(hub.submit(submission("it-rules", "Slow MLflow article number " + i + ".")));
        }
        for (String jobId : jobs) {
            assertThat(hub.awaitStatus(jobId, Set.of("COMPLETED", "FAILED"), Duration.ofSeconds(30)).path("status")
                    .asText()).isEqualTo("COMPLETED");
        }
        // Jobs that waited for MLflow would take at least 8 x 10 s; these did not (a loaded machine included).
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
        assertThat(MLFLOW.findAll(postRequestedFor(urlEqualTo(API + "runs/create")))).hasSizeLessThan(jobs.size());
        await().atMost(Duration.ofSeconds(10)).until(() -> count("dropped") > droppedBefore);
    }

    private double count(String result) {
        return meters.find("mlflow_runs").tag("result", result).counter().count();
    }

    private static JsonNode body(String path) throws Exception {
        List<LoggedRequest> requests = MLFLOW.findAll(postRequestedFor(urlEqualTo(path)));
        assertThat(requests).as(path).isNotEmpty();
        return JSON.readTree(requests.get(0).getBodyAsString());
    }

    private static Map<String, String> keyValues(JsonNode array) {
        Map<String, String> values = new HashMap<>();
        array.forEach(kv -> values.put(kv.path("key").asText(), kv.path("value").asText()));
        return values;
    }
}
