package hub.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hub.metrics.CompletedJob;
import hub.metrics.JobMetrics;
import hub.report.model.Verdict;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * MLflow tracking through the REST API 2.0, for the {@code queue-mlflow-run}, {@code log-mlflow-run} and
 * {@code mlflow-experiment} routes: turns a completed job into a {@link MlflowRun} (params {@code model},
 * {@code prompt_version}, {@code gtc_prompt_version}, {@code guideline_set_id}, {@code guideline_set_version};
 * metrics {@code score}, {@code duration_seconds}, {@code prompt_tokens}, {@code completion_tokens},
 * {@code llm_calls}, {@code verdict_<VERDICT>}; tags {@code job_id}, {@code region}), writes the request bodies of
 * experiments/create, runs/create, runs/log-batch and runs/update, reads the answers, remembers experiment ids,
 * and counts {@code mlflow_runs_total{result}} ({@code logged}, {@code failed}, {@code dropped}).
 */
@Component("mlflowRuns")
public class MlflowRuns {

    /** The property holding the run that the MLflow routes are logging. */
    public static final String RUN = "mlflowRun";

    private final ObjectMapper mapper;
    private final MeterRegistry registry;
    private final String trackingUri;
    private final String experimentPrefix;
    private final String region;
    private final String token;
    private final Map<String, String> experimentIds = new ConcurrentHashMap<>();

    public MlflowRuns(ObjectMapper mapper, MeterRegistry registry,
                      @Value("${hub.mlflow.tracking-uri:}") String trackingUri,
                      @Value("${hub.mlflow.experiment-prefix:compliance-hub/}") String experimentPrefix,
                      @Value("${hub.mlflow.token:}") String token,
                      @Value("${hub.region}") String region) {
        this.token = token == null ? "" : token.strip();
        this.mapper = mapper;
        this.registry = registry;
        this.trackingUri = trackingUri == null ? "" : trackingUri.strip();
        this.experimentPrefix = experimentPrefix;
        this.region = region;
        for (String result : new String[] {"logged", "failed", "dropped"}) {
            counter(result);
        }
    }

    /** MLflow tracking is on when a tracking URI is configured. */
    public boolean enabled() {
        return !trackingUri.isEmpty();
    }

    /** The run of the job the {@code completedJob} property describes. */
    public MlflowRun runOf(Exchange exchange) {
        CompletedJob job = exchange.getProperty(JobMetrics.COMPLETED_JOB, CompletedJob.class);
        Map<String, String> params = new TreeMap<>();
        params.put("model", job.model() == null ? "none" : job.model());
        params.put("prompt_version", job.promptVersion());
        params.put("gtc_prompt_version", job.gtcPromptVersion());
        params.put("guideline_set_id", job.guidelineSetId());
        params.put("guideline_set_version", job.guidelineSetVersion());
        Map<String, Double> metrics = new TreeMap<>();
        if (job.score() != null) {
            metrics.put("score", job.score());
        }
        metrics.put("duration_seconds", job.durationSeconds());
        metrics.put("prompt_tokens", (double) job.promptTokens());
        metrics.put("completion_tokens", (double) job.completionTokens());
        metrics.put("llm_calls", (double) job.llmCalls());
        for (Map.Entry<Verdict, Integer> v : job.verdicts().entrySet()) {
            metrics.put("verdict_" + v.getKey().name().toLowerCase(Locale.ROOT), v.getValue().doubleValue());
        }
        Map<String, String> tags = new TreeMap<>();
        tags.put("job_id", job.jobId());
        tags.put("region", region);
        tags.put("partial", String.valueOf(job.partial()));
        if (job.gtcStatus() != null) {
            tags.put("gtc_status", job.gtcStatus());
        }
        long start = job.completedAtMillis() - Math.round(job.durationSeconds() * 1000);
        return new MlflowRun(experimentPrefix + job.guidelineSetId(), "job-" + job.jobId(), start,
                job.completedAtMillis(), params, metrics, tags);
    }

    /** The id of the experiment, when this instance already knows it; null otherwise. */
    public String knownExperiment(String name) {
        return experimentIds.get(name);
    }

    /** The query string of experiments/get-by-name. */
    public String experimentQuery(String name) {
        return "experiment_name=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    /**
     * The experiment id in the answer (the body, with its HTTP status) of experiments/get-by-name
     * ({@code experiment.experiment_id}) or experiments/create ({@code experiment_id}) for the {@code mlflowRun}
     * property's experiment, remembered for later runs; null when the answer has none.
     */
    public String experimentIdOf(Exchange exchange) {
        if (status(exchange) != 200) {
            return null;
        }
        JsonNode json = read(exchange.getIn().getBody(String.class));
        JsonNode id = json.path("experiment").path("experiment_id");
        if (!id.isTextual()) {
            id = json.path("experiment_id");
        }
        if (!id.isTextual()) {
            return null;
        }
        experimentIds.put(exchange.getProperty(RUN, MlflowRun.class).experiment(), id.asText());
        return id.asText();
    }

    public String createExperiment(MlflowRun run) {
        return mapper.createObjectNode().put("name", run.experiment()).toString();
    }

    public String createRun(MlflowRun run, String experimentId) {
        ObjectNode body = mapper.createObjectNode().put("experiment_id", experimentId).put("run_name", run.runName())
                .put("start_time", run.startTime());
        keyValues(body.putArray("tags"), run.tags());
        return body.toString();
    }

    /** The run id in the answer (the body) of runs/create ({@code run.info.run_id}). */
    public String runIdOf(Exchange exchange) {
        requireOk(exchange, "runs/create");
        JsonNode id = read(exchange.getIn().getBody(String.class)).path("run").path("info").path("run_id");
        if (!id.isTextual()) {
            throw new MlflowException("runs/create answered without run.info.run_id");
        }
        return id.asText();
    }

    public String logBatch(MlflowRun run, String runId) {
        ObjectNode body = mapper.createObjectNode().put("run_id", runId);
        ArrayNode metrics = body.putArray("metrics");
        run.metrics().forEach((key, value) -> metrics.addObject().put("key", key).put("value", value)
                .put("timestamp", run.endTime()).put("step", 0));
        keyValues(body.putArray("params"), run.params());
        return body.toString();
    }

    public String finishRun(MlflowRun run, String runId) {
        return mapper.createObjectNode().put("run_id", runId).put("status", "FINISHED").put("end_time", run.endTime())
                .toString();
    }

    /**
     * Sets the headers of one MLflow request: GET with the {@code mlflowQuery} property as query string when the
     * body is null, else POST of JSON; a Bearer token when {@code hub.mlflow.token} is set.
     */
    public void prepareRequest(Exchange exchange) {
        boolean get = exchange.getIn().getBody() == null;
        exchange.getIn().setHeader(Exchange.HTTP_METHOD, get ? "GET" : "POST");
        if (get) {
            exchange.getIn().setHeader(Exchange.HTTP_QUERY, exchange.getProperty("mlflowQuery", String.class));
        } else {
            exchange.getIn().setHeader(Exchange.CONTENT_TYPE, "application/json");
        }
        if (!token.isEmpty()) {
            exchange.getIn().setHeader("Authorization", "Bearer " + token);
        }
    }

    /** Fails the MLflow call whose answer is in the message unless it answered 200. */
    public void requireOk(Exchange exchange, String call) {
        int status = status(exchange);
        if (status != 200) {
            throw new MlflowException(call + " answered HTTP " + status + ": "
                    + abbreviate(exchange.getIn().getBody(String.class)));
        }
    }

    private static int status(Exchange exchange) {
        return exchange.getIn().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
    }

    public void logged() {
        counter("logged").increment();
    }

    public void failed() {
        counter("failed").increment();
    }

    public void dropped() {
        counter("dropped").increment();
    }

    private Counter counter(String result) {
        return Counter.builder("mlflow_runs").description("MLflow runs of completed jobs, by what became of them")
                .tag("result", result).register(registry);
    }

    private static void keyValues(ArrayNode array, Map<String, String> values) {
        values.forEach((key, value) -> array.addObject().put("key", key).put("value", value));
    }

    private JsonNode read(String answer) {
        try {
            return answer == null || answer.isBlank() ? mapper.createObjectNode() : mapper.readTree(answer);
        } catch (Exception e) {
            return mapper.createObjectNode();
        }
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    /** An MLflow call that did not succeed; the run is given up (counted as failed). */
    public static class MlflowException extends RuntimeException {
        public MlflowException(String message) {
            super(message);
        }
    }
}
