package hub.evaluation;

import hub.mlflow.MlflowRun;
import hub.mlflow.MlflowRuns;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Logs an evaluation as one MLflow run through the hub's own MLflow client: the {@code log-mlflow-run} route
 * (experiment lookup or creation, runs/create, runs/log-batch, runs/update) fed with a {@link MlflowRun}. The
 * experiment is {@code <hub.mlflow.experiment-prefix>evaluation}. Metrics that are n/a are left out (MLflow wants
 * numbers).
 */
public final class MlflowLogging {

    private MlflowLogging() {
    }

    /** The run of an evaluation that started at {@code startMillis}. */
    public static MlflowRun runOf(Evaluation e, String experimentPrefix, long startMillis, long endMillis) {
        Map<String, String> params = new TreeMap<>();
        params.put("mode", e.mode());
        params.put("model", e.model() == null ? "none" : e.model());
        params.put("prompt_version", e.promptVersion() == null ? "none" : e.promptVersion());
        params.put("guideline_sets", String.join(",", e.sets().entrySet().stream()
                .map(s -> s.getKey() + "@" + s.getValue()).toList()));
        e.sets().forEach((id, version) -> params.put("set_version." + id, version));
        params.put("corpus_size", String.valueOf(e.overall().items()));
        params.put("corpus_en", String.valueOf(e.language("en")));
        params.put("corpus_de", String.valueOf(e.language("de")));
        Map<String, Double> metrics = new TreeMap<>();
        Figures o = e.overall();
        put(metrics, "precision", o.precision().value());
        put(metrics, "recall", o.recall().value());
        put(metrics, "recall_rules", o.recallRules().value());
        put(metrics, "f1", o.f1());
        put(metrics, "precision_with_review", o.precisionWithReview().value());
        put(metrics, "recall_with_review", o.recallWithReview().value());
        put(metrics, "false_alarms", o.falseAlarms().value());
        put(metrics, "separation", o.separation());
        put(metrics, "span_accuracy", o.spanAccuracy().value());
        put(metrics, "span_precision", o.spanPrecision().value());
        put(metrics, "coverage", o.coverage().value());
        put(metrics, "review_rate", o.reviewRate().value());
        e.guidelines().forEach((id, f) -> put(metrics, "f1." + id, f.f1()));
        Map<String, String> tags = new TreeMap<>();
        tags.put("kind", "evaluation");
        return new MlflowRun(experimentPrefix + "evaluation",
                "eval-" + e.mode() + "-" + e.date().toString().replace(':', '-').toLowerCase(Locale.ROOT),
                startMillis, endMillis, params, metrics, tags);
    }

    private static void put(Map<String, Double> metrics, String key, OptionalDouble value) {
        value.ifPresent(v -> metrics.put(key, v));
    }

    /**
     * Logs the run through the hub's {@code log-mlflow-run} route and waits for it; returns a sentence saying what
     * happened (not configured, logged with its run id, or failed).
     */
    public static String log(ConfigurableApplicationContext app, Evaluation e, long startMillis) {
        MlflowRuns runs = app.getBean(MlflowRuns.class);
        if (!runs.enabled()) {
            return "MLflow: not configured (hub.mlflow.tracking-uri / MLFLOW_TRACKING_URI), no run logged";
        }
        String prefix = app.getEnvironment().getProperty("hub.mlflow.experiment-prefix", "compliance-hub/");
        MlflowRun run = runOf(e, prefix, startMillis, System.currentTimeMillis());
        CamelContext camel = app.getBean(CamelContext.class);
        try (ProducerTemplate producer = camel.createProducerTemplate()) {
            // The consumer's own URI: the same queue, and InOut waits until the route has logged the run.
            Exchange done = producer.request(app.getEnvironment().getProperty("hub.mlflow.queue-consumer"),
                    ex -> ex.getIn().setBody(run));
            Exception failure = done.getException() != null ? done.getException()
                    : done.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
            String runId = done.getProperty("mlflowRunId", String.class);
            if (failure != null || runId == null) {
                return "MLflow: run not logged: " + (failure == null ? "no run id" : failure.getMessage());
            }
            return "MLflow: run " + runId + " logged in experiment " + run.experiment();
        } catch (Exception ex) {
            return "MLflow: run not logged: " + ex.getMessage();
        }
    }
}
