package hub.it;

import static org.assertj.core.api.Assertions.assertThat;

import bench.FakeLlm;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A lease far shorter than the job (2 s against an LLM that takes 6 s): renew-leases keeps the job this instance's
 * while it runs, so the sweep (every second here) never takes it over and it completes in one attempt; once the
 * job is older than hub.worker.max-run-seconds its lease is no longer renewed, runs out, and the sweep requeues it.
 */
class LeaseRenewalIT {

    @Test
    void aRunningJobKeepsItsLeaseUntilItCompletes() throws Exception {
        try (FakeLlm llm = new FakeLlm(6_000)) {
            assertThat(attemptsOfOneJob(llm, "900")).as("never taken over by the sweep").isEqualTo(1);
            assertThat(llm.calls.get()).as("evaluated once: three guidelines, one call each").isEqualTo(3);
        }
    }

    @Test
    void aJobOlderThanTheMaximumRunTimeLosesItsLease() throws Exception {
        try (FakeLlm llm = new FakeLlm(6_000)) {
            assertThat(attemptsOfOneJob(llm, "1")).as("requeued after its lease ran out").isGreaterThan(1);
        }
    }

    private static int attemptsOfOneJob(FakeLlm llm, String maxRunSeconds) {
        try (RunningHub hub = RunningHub.local("lease-" + UUID.randomUUID(),
                "--hub.llm.url=" + llm.url(),
                "--hub.worker.lease-seconds=2",
                "--hub.worker.lease-renew-interval-ms=500",
                "--hub.worker.max-run-seconds=" + maxRunSeconds,
                "--hub.recovery.interval-ms=1000")) {
            String jobId = hub.client().submit(LocalServicesIT.submission("it-llm", "A job that outlives its lease."));
            hub.client().awaitStatus(jobId, Set.of("COMPLETED", "FAILED"), Duration.ofSeconds(60));
            return hub.bean(org.springframework.jdbc.core.JdbcTemplate.class)
                    .queryForObject("SELECT attempts FROM jobs WHERE id = CAST(? AS uuid)", Integer.class, jobId);
        }
    }
}
