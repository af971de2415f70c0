package hub.it;

import static org.assertj.core.api.Assertions.assertThat;

import bench.FakeLlm;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * However large a batch, the jobs evaluated at once stay at hub.worker.concurrency and the LLM calls in flight at
 * hub.evaluation.parallelism. The fake LLM counts the calls it holds; PostgreSQL counts the RUNNING jobs.
 */
class BackpressureIT {

    @Test
    void aLargeBatchRunsNoMoreJobsAndLlmCallsAtOnceThanConfigured() throws Exception {
        try (FakeLlm llm = new FakeLlm(300);
             RunningHub hub = RunningHub.local("backpressure-" + UUID.randomUUID(),
                     "--hub.llm.url=" + llm.url(),
                     "--hub.worker.concurrency=2",
                     "--hub.evaluation.parallelism=3")) {
            JdbcTemplate jdbc = hub.bean(JdbcTemplate.class);
            String batchId = "it-backpressure-" + UUID.randomUUID();
            var accepted = hub.client().post("/api/v1/batches", "application/json", BatchIntakeIT.batch(batchId, 12, "it-llm"));
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            String id = HubClient.json(accepted).path("id").asText();

            AtomicInteger runningMax = new AtomicInteger();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (jdbc.queryForObject("SELECT completed_at IS NULL FROM batches WHERE id = CAST(? AS uuid)", Boolean.class, id)) {
                assertThat(System.nanoTime()).as("the batch completes").isLessThan(deadline);
                runningMax.accumulateAndGet(jdbc.queryForObject(
                        "SELECT count(*) FROM jobs WHERE batch_id = CAST(? AS uuid) AND status = 'RUNNING'", Integer.class, id),
                        Math::max);
                Thread.sleep(20);
            }

            assertThat(jdbc.queryForObject("SELECT count(*) FROM jobs WHERE batch_id = CAST(? AS uuid) AND status = 'COMPLETED'",
                    Integer.class, id)).isEqualTo(12);
            assertThat(runningMax.get()).as("jobs RUNNING at once").isEqualTo(2);
            assertThat(llm.inFlightMax.get()).as("LLM calls in flight at once").isEqualTo(3);
            assertThat(llm.calls.get()).as("three guidelines with an instruction per article, no rule firing").isEqualTo(36);
        }
    }
}
