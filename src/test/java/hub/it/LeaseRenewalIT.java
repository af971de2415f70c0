package hub.it;

import static org.assertj.core.api.Assertions.assertThat;

import bench.FakeLlm;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A lease far shorter than the job: renew-leases keeps the job this instance's while it runs, so the sweep (every
 * second here) never takes it over and it completes in one attempt; once the instance stops renewing, the lease
 * runs out and the sweep of another instance requeues the job.
 */
class LeaseRenewalIT {

    @Test
    void aRunningJobKeepsItsLeaseUntilItCompletes() throws Exception {
        try (FakeLlm llm = new FakeLlm(6_000);
             RunningHub hub = RunningHub.local("lease-" + UUID.randomUUID(),
                     "--hub.llm.url=" + llm.url(),
                     "--hub.worker.lease-seconds=2",
                     "--hub.worker.lease-renew-interval-ms=500",
                     "--hub.recovery.interval-ms=1000")) {
            String jobId = hub.client().submit(LocalServicesIT.submission("it-llm", "A job that outlives its lease."));

            hub.client().awaitStatus(jobId, Set.of("COMPLETED", "FAILED"), Duration.ofSeconds(60));

            JdbcTemplate jdbc = hub.bean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT status FROM jobs WHERE id = CAST(? AS uuid)", String.class, jobId))
                    .isEqualTo("COMPLETED");
            assertThat(jdbc.queryForObject("SELECT attempts FROM jobs WHERE id = CAST(? AS uuid)", Integer.class, jobId))
                    .as("never taken over by the sweep").isEqualTo(1);
            assertThat(llm.calls.get()).as("evaluated once: three guidelines, one call each").isEqualTo(3);
        }
    }

    @Test
    void withoutRenewalTheSweepTakesTheJobOverOnceTheLeaseRunsOut() throws Exception {
        try (FakeLlm llm = new FakeLlm(6_000);
             RunningHub hub = RunningHub.local("lease-" + UUID.randomUUID(),
                     "--hub.llm.url=" + llm.url(),
                     "--hub.worker.lease-seconds=2",
                     "--hub.worker.lease-renew-interval-ms=500",
                     "--hub.worker.max-run-seconds=1",
                     "--hub.recovery.interval-ms=1000")) {
            String jobId = hub.client().submit(LocalServicesIT.submission("it-llm", "A job whose renewal stops."));

            hub.client().awaitStatus(jobId, Set.of("COMPLETED", "FAILED"), Duration.ofSeconds(60));

            JdbcTemplate jdbc = hub.bean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT attempts FROM jobs WHERE id = CAST(? AS uuid)", Integer.class, jobId))
                    .as("requeued after its lease ran out").isGreaterThan(1);
        }
    }
}
