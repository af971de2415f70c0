package hub.mlflow;

import java.util.Map;

/**
 * One MLflow run to log for a completed job: the experiment it belongs to, and its params, metrics and tags.
 *
 * @param startTime epoch milliseconds of the job's submission
 * @param endTime epoch milliseconds of the job's completion
 */
public record MlflowRun(String experiment, String runName, long startTime, long endTime,
                        Map<String, String> params, Map<String, Double> metrics, Map<String, String> tags) {

    public MlflowRun {
        params = Map.copyOf(params);
        metrics = Map.copyOf(metrics);
        tags = Map.copyOf(tags);
    }
}
