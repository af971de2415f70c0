package hub.store;

import static org.assertj.core.api.Assertions.assertThat;

import hub.store.ReadRouting.Fallback;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadRoutingTest {

    private static final String JOB = "6339918a-3bde-493a-b84a-03afb785b4ed";
    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    private static Map<String, Object> row(String status, Instant updatedAt) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", JOB);
        row.put("status", status);
        row.put("updated_at", updatedAt == null ? null : Timestamp.from(updatedAt));
        return row;
    }

    @Test
    void aRowMissingOnTheReplicaIsReadFromThePrimary() {
        assertThat(ReadRouting.decide(null, null, false)).isEqualTo(Fallback.MISSING);
        assertThat(ReadRouting.decide(null, T0, true)).isEqualTo(Fallback.MISSING);
    }

    @Test
    void aRowOlderThanTheKnownWriteIsStale() {
        assertThat(ReadRouting.decide(row("QUEUED", T0), T0.plusMillis(1), false)).isEqualTo(Fallback.STALE);
        assertThat(ReadRouting.decide(row("QUEUED", null), T0, false)).isEqualTo(Fallback.STALE);
    }

    @Test
    void aRowAsNewAsTheKnownWriteOrNewerAnswers() {
        assertThat(ReadRouting.decide(row("RUNNING", T0), T0, false)).isEqualTo(Fallback.NONE);
        assertThat(ReadRouting.decide(row("RUNNING", T0.plusSeconds(5)), T0, false)).isEqualTo(Fallback.NONE);
        assertThat(ReadRouting.decide(row("RUNNING", T0), null, false)).isEqualTo(Fallback.NONE);
    }

    @Test
    void aResultNeedsAFinalJobOnTheReplica() {
        assertThat(ReadRouting.decide(row("RUNNING", T0), null, true)).isEqualTo(Fallback.NOT_FINAL);
        assertThat(ReadRouting.decide(row("QUEUED", T0), null, true)).isEqualTo(Fallback.NOT_FINAL);
        assertThat(ReadRouting.decide(row("COMPLETED", T0), null, true)).isEqualTo(Fallback.NONE);
        assertThat(ReadRouting.decide(row("FAILED", T0), null, true)).isEqualTo(Fallback.NONE);
        // final but older than what this instance knows (cannot happen for a completed job, but the order holds)
        assertThat(ReadRouting.decide(row("COMPLETED", T0), T0.plusSeconds(1), true)).isEqualTo(Fallback.STALE);
    }

    @Test
    void theVersionsSeenOnlyGoUpAndDecideTheReads() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ReadRouting routing = new ReadRouting(true, Duration.ofMinutes(10), 1000, meters);
        routing.seen(row("RUNNING", T0.plusSeconds(10)));
        routing.seen(row("QUEUED", T0)); // an older row read later does not lower the version
        assertThat(routing.known(JOB)).isEqualTo(T0.plusSeconds(10));

        assertThat(routing.jobFromPrimary(row("QUEUED", T0), JOB)).isTrue();
        assertThat(routing.jobFromPrimary(row("RUNNING", T0.plusSeconds(10)), JOB)).isFalse();
        assertThat(routing.jobFromPrimary(null, JOB)).isTrue();
        assertThat(routing.resultFromPrimary(row("RUNNING", T0.plusSeconds(10)), JOB)).isTrue();
        assertThat(routing.resultFromPrimary(row("COMPLETED", T0.plusSeconds(11)), JOB)).isFalse();
        assertThat(routing.missingOnReplica(null)).isTrue();
        assertThat(routing.missingOnReplica(Map.of("id", "b"))).isFalse();
        assertThat(routing.readSource()).isEqualTo("replica");

        assertThat(meters.counter("hub.read.replica.fallbacks", "reason", "stale").count()).isEqualTo(1);
        assertThat(meters.counter("hub.read.replica.fallbacks", "reason", "missing").count()).isEqualTo(2);
        assertThat(meters.counter("hub.read.replica.fallbacks", "reason", "not_final").count()).isEqualTo(1);
    }

    @Test
    void withoutAReplicaNothingIsReadTwiceAndNothingRemembered() {
        ReadRouting routing = new ReadRouting(false, Duration.ofMinutes(10), 1000, new SimpleMeterRegistry());
        routing.seen(row("RUNNING", T0));
        assertThat(routing.known(JOB)).isNull();
        assertThat(routing.jobFromPrimary(null, JOB)).isFalse();
        assertThat(routing.resultFromPrimary(row("RUNNING", T0), JOB)).isFalse();
        assertThat(routing.missingOnReplica(null)).isFalse();
        assertThat(routing.readSource()).isEqualTo("database");
    }
}
