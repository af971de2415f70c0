package hub.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hub.metrics.CompletedJob;
import hub.metrics.JobMetrics;
import hub.report.model.Verdict;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class MlflowRunsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private MlflowRuns runs(String uri, String token) {
        return new MlflowRuns(JSON, meters, uri, "compliance-hub/", token, "northeurope");
    }

    private static Exchange completed(Double score, String model) {
        Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            verdicts.put(v, 0);
        }
        verdicts.put(Verdict.PASS, 2);
        verdicts.put(Verdict.FAIL, 1);
        Exchange e = new DefaultExchange(new DefaultCamelContext());
        e.setProperty(JobMetrics.COMPLETED_JOB, new CompletedJob("job-1", "default", "2026.1", score, false, 12.5,
                verdicts, model, "guideline-verdict/1", "gtc-consistency/1", "SKIPPED", 3, 360, 90, 1_000_000L));
        return e;
    }

    @Test
    void isOffWithoutATrackingUri() {
        assertThat(runs("", "").enabled()).isFalse();
        assertThat(runs("  ", "").enabled()).isFalse();
        assertThat(runs("http://mlflow:5000", "").enabled()).isTrue();
    }

    @Test
    void aCompletedJobBecomesARunWithParamsMetricsAndTags() throws Exception {
        MlflowRun run = runs("http://mlflow:5000", "").runOf(completed(66.7, "claude"));
        assertThat(run.experiment()).isEqualTo("compliance-hub/default");
        assertThat(run.runName()).isEqualTo("job-job-1");
        assertThat(run.endTime()).isEqualTo(1_000_000L);
        assertThat(run.startTime()).isEqualTo(1_000_000L - 12_500);
        assertThat(run.params()).containsEntry("model", "claude").containsEntry("guideline_set_version", "2026.1")
                .containsEntry("prompt_version", "guideline-verdict/1");
        assertThat(run.metrics()).containsEntry("score", 66.7).containsEntry("verdict_pass", 2.0)
                .containsEntry("verdict_fail", 1.0).containsEntry("prompt_tokens", 360.0).containsEntry("llm_calls", 3.0);
        assertThat(run.tags()).containsEntry("job_id", "job-1").containsEntry("region", "northeurope");

        JsonNode batch = JSON.readTree(runs("http://mlflow:5000", "").logBatch(run, "r-1"));
        assertThat(batch.path("run_id").asText()).isEqualTo("r-1");
        assertThat(batch.path("metrics")).hasSize(run.metrics().size());
        assertThat(batch.path("metrics").get(0).path("timestamp").asLong()).isEqualTo(1_000_000L);
        assertThat(batch.path("params")).hasSize(5);
        JsonNode create = JSON.readTree(runs("http://mlflow:5000", "").createRun(run, "7"));
        assertThat(create.path("experiment_id").asText()).isEqualTo("7");
        assertThat(create.path("start_time").asLong()).isEqualTo(run.startTime());
        JsonNode finish = JSON.readTree(runs("http://mlflow:5000", "").finishRun(run, "r-1"));
        assertThat(finish.path("status").asText()).isEqualTo("FINISHED");
    }

    @Test
    void aJobWithoutScoreOrModelStillMakesARun() {
        MlflowRun run = runs("http://mlflow:5000", "").runOf(completed(null, null));
        assertThat(run.metrics()).doesNotContainKey("score");
        assertThat(run.params()).containsEntry("model", "none");
    }

    @Test
    void readsExperimentAndRunIdsAndRemembersExperiments() {
        MlflowRuns runs = runs("http://mlflow:5000", "");
        Exchange e = completed(50.0, "claude");
        e.setProperty(MlflowRuns.RUN, runs.runOf(e));
        e.getIn().setHeader(Exchange.HTTP_RESPONSE_CODE, 404);
        e.getIn().setBody("{\"error_code\":\"RESOURCE_DOES_NOT_EXIST\"}");
        assertThat(runs.experimentIdOf(e)).isNull();
        assertThat(runs.knownExperiment("compliance-hub/default")).isNull();
        e.getIn().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        e.getIn().setBody("{\"experiment\":{\"experiment_id\":\"12\",\"name\":\"compliance-hub/default\"}}");
        assertThat(runs.experimentIdOf(e)).isEqualTo("12");
        assertThat(runs.knownExperiment("compliance-hub/default")).isEqualTo("12");

        e.getIn().setBody("{\"run\":{\"info\":{\"run_id\":\"abc\"}}}");
        assertThat(runs.runIdOf(e)).isEqualTo("abc");
        e.getIn().setHeader(Exchange.HTTP_RESPONSE_CODE, 500);
        assertThatThrownBy(() -> runs.runIdOf(e)).hasMessageContaining("HTTP 500");
        assertThatThrownBy(() -> runs.requireOk(e, "runs/update")).hasMessageContaining("runs/update answered HTTP 500");
    }

    @Test
    void preparesGetsAndPostsWithTheToken() {
        MlflowRuns runs = runs("http://mlflow:5000", "secret");
        Exchange e = new DefaultExchange(new DefaultCamelContext());
        e.setProperty("mlflowQuery", runs.experimentQuery("compliance-hub/a b"));
        runs.prepareRequest(e);
        assertThat(e.getIn().getHeader(Exchange.HTTP_METHOD)).isEqualTo("GET");
        assertThat(e.getIn().getHeader(Exchange.HTTP_QUERY)).isEqualTo("experiment_name=compliance-hub%2Fa+b");
        assertThat(e.getIn().getHeader("Authorization")).isEqualTo("Bearer secret");
        e.getIn().setBody("{}");
        runs.prepareRequest(e);
        assertThat(e.getIn().getHeader(Exchange.HTTP_METHOD)).isEqualTo("POST");
        assertThat(e.getIn().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("application/json");
        Exchange anonymous = new DefaultExchange(new DefaultCamelContext());
        runs("http://mlflow:5000", "").prepareRequest(anonymous);
        assertThat(anonymous.getIn().getHeader("Authorization")).isNull();
    }

    @Test
    void countsEveryOutcomeFromZero() {
        MlflowRuns runs = runs("", "");
        assertThat(meters.find("mlflow_runs").counters()).hasSize(3);
        runs.dropped();
        runs.dropped();
        runs.failed();
        assertThat(meters.get("mlflow_runs").tag("result", "dropped").counter().count()).isEqualTo(2.0);
        assertThat(meters.get("mlflow_runs").tag("result", "failed").counter().count()).isEqualTo(1.0);
        assertThat(meters.get("mlflow_runs").tag("result", "logged").counter().count()).isZero();
    }
}
