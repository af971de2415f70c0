package hub.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import hub.mlflow.MlflowRun;
import org.junit.jupiter.api.Test;

class MlflowLoggingTest {

    @Test
    void theRunCarriesTheSetupAsParamsAndTheFiguresAsMetrics() throws Exception {
        Evaluation e = Evaluation.of(EvaluationOutputTest.runs(), null, "llm");
        MlflowRun run = MlflowLogging.runOf(e, "compliance-hub/", 1000, 2000);
        assertThat(run.experiment()).isEqualTo("compliance-hub/evaluation");
        assertThat(run.runName()).startsWith("eval-rules-only-");
        assertThat(run.params()).containsEntry("mode", "rules-only").containsEntry("model", "none")
                .containsEntry("prompt_version", "guideline-verdict/2").containsEntry("guideline_sets", "default@1.0.0")
                .containsEntry("set_version.default", "1.0.0").containsEntry("corpus_size", "4");
        assertThat(run.metrics()).containsKeys("precision", "recall", "recall_rules", "f1", "false_alarms",
                "separation", "span_accuracy", "f1.no-guaranteed-returns", "f1.no-unqualified-superlatives");
        assertThat(run.metrics().get("precision")).isEqualTo(2.0 / 3);
    }
}
