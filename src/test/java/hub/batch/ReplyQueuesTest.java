package hub.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hub.problem.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 19, defect 4: replyTo queues and topics come from an allow-list and are never the hub's own queues. */
class ReplyQueuesTest {

    private final ReplyQueues queues = new ReplyQueues(List.of("crm.*", "jobs", "*"), List.of("cms-results"),
            List.of("dead-letters"), "seda:jobs?size=10", "seda:jobs?size=10", "seda:batches?size=1", "seda:batches",
            "seda:batches", "seda:mlflow-runs?size=1", "seda:mlflow-runs");

    @ParameterizedTest
    @ValueSource(strings = {"jobs", "queue:jobs", "JOBS", "batches", "queue:batches", "mlflow-runs", "topic:jobs",
        "dead-letters"})
    void theHubsOwnQueuesAreRefusedEvenWhenAnAllowListWouldMatch(String replyTo) {
        assertThatThrownBy(() -> queues.check(replyTo)).isInstanceOfSatisfying(ProblemException.class, p -> {
            assertThat(p.status()).isEqualTo(400);
            assertThat(p.type()).isEqualTo("reply-to-not-allowed");
        });
    }

    @Test
    void onlyAllowListedNamesPass() {
        assertThatCode(() -> queues.check("crm.done")).doesNotThrowAnyException();
        assertThatCode(() -> queues.check("queue:crm.done")).doesNotThrowAnyException();
        assertThatCode(() -> queues.check("topic:cms-results")).doesNotThrowAnyException();
        assertThatThrownBy(() -> queues.check("topic:other")).isInstanceOf(ProblemException.class);
        ReplyQueues none = new ReplyQueues(List.of(), List.of(), List.of(), "seda:jobs", "seda:jobs", "seda:batches",
                "seda:batches", "seda:batches", "", "");
        assertThatThrownBy(() -> none.check("crm.done")).as("nothing is allowed by default").isInstanceOf(ProblemException.class);
    }

    @Test
    void serviceBusQueueNamesAreReadFromTheEndpoints() {
        assertThat(ReplyQueues.nameIn("azure-servicebus:compliance-jobs?connectionString=RAW(x)")).isEqualTo("compliance-jobs");
        assertThat(queues.reserved()).contains("jobs", "batches", "mlflow-runs", "dead-letters");
    }
}
