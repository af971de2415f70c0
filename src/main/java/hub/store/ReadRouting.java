package hub.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether a row read from the region's read replica may answer, or the read goes to the primary
 * (read-your-writes). The replica is asynchronous, seconds behind at most, so a row the caller just wrote may be
 * missing there, or older than what the caller already saw:
 *
 * <ul>
 *   <li>a row missing on the replica is read from the primary (a job or batch submitted a moment ago);</li>
 *   <li>a job row whose {@code updated_at} is older than the newest version this instance wrote or served for that
 *       job (every row that passes through {@code cache-job-status}: the submission, the worker's claims, progress
 *       and completion, and rows read from the primary) is read from the primary, so that a status never goes back;</li>
 *   <li>a result is taken from the replica only when its job is final there ({@code COMPLETED} or {@code FAILED}),
 *       so that the replica never answers {@code 409 not-ready} for a job the primary has completed.</li>
 * </ul>
 *
 * Without a replica ({@code hub.datasource.replica.url} empty, the default) every read goes to the primary and
 * nothing here is consulted twice: the routes read from {@code readDataSource}, which is then the primary itself.
 */
public class ReadRouting {

    /** Why a read went to the primary after the replica's answer; the tag of {@code hub_read_replica_fallbacks_total}. */
    public enum Fallback {
        NONE, MISSING, STALE, NOT_FINAL
    }

    private static final Set<String> FINAL = Set.of("COMPLETED", "FAILED");

    private final boolean replicaConfigured;
    private final Cache<String, Instant> knownVersions;
    private final MeterRegistry meters;

    public ReadRouting(boolean replicaConfigured, Duration remember, long maxJobs, MeterRegistry meters) {
        this.replicaConfigured = replicaConfigured;
        this.knownVersions = Caffeine.newBuilder().expireAfterWrite(remember).maximumSize(maxJobs).build();
        this.meters = meters;
    }

    public boolean replicaConfigured() {
        return replicaConfigured;
    }

    /** What a status read from {@code readDataSource} names as its source: {@code replica}, or {@code database}. */
    public String readSource() {
        return replicaConfigured ? "replica" : "database";
    }

    /**
     * The decision alone: whether the replica's row (null when the replica has none) can answer a read that must
     * not see anything older than {@code known} (null when nothing is known), and, with {@code needFinal}, must
     * see the job in a final state.
     */
    public static Fallback decide(Map<String, Object> replicaRow, Instant known, boolean needFinal) {
        if (replicaRow == null) {
            return Fallback.MISSING;
        }
        Instant version = SqlValues.instant(replicaRow.get("updated_at"));
        if (known != null && (version == null || version.isBefore(known))) {
            return Fallback.STALE;
        }
        if (needFinal && !FINAL.contains(String.valueOf(replicaRow.get("status")))) {
            return Fallback.NOT_FINAL;
        }
        return Fallback.NONE;
    }

    /** Remembers the version of a job row this instance wrote or served (never lowers it). */
    public void seen(Map<String, Object> row) {
        if (!replicaConfigured || row == null || row.get("id") == null) {
            return;
        }
        Instant version = SqlValues.instant(row.get("updated_at"));
        if (version == null) {
            return;
        }
        knownVersions.asMap().merge(String.valueOf(row.get("id")), version,
                (old, now) -> now.isAfter(old) ? now : old);
    }

    /** The newest version of the job this instance knows of, or null. */
    public Instant known(String jobId) {
        return jobId == null ? null : knownVersions.getIfPresent(jobId);
    }

    /** For a job status read on a cache miss: true when the replica's row must be read again from the primary. */
    public boolean jobFromPrimary(Map<String, Object> replicaRow, String jobId) {
        return fromPrimary(decide(replicaRow, known(jobId), false));
    }

    /** For a result read: true when the replica's row must be read again from the primary. */
    public boolean resultFromPrimary(Map<String, Object> replicaRow, String jobId) {
        return fromPrimary(decide(replicaRow, known(jobId), true));
    }

    /** For a batch (or another row written once): true when the replica does not have it yet. */
    public boolean missingOnReplica(Object replicaRow) {
        return fromPrimary(replicaRow == null ? Fallback.MISSING : Fallback.NONE);
    }

    private boolean fromPrimary(Fallback fallback) {
        if (!replicaConfigured || fallback == Fallback.NONE) {
            return false;
        }
        Counter.builder("hub.read.replica.fallbacks")
                .description("Reads the read replica could not answer (missing, stale or not final row), read again from the primary")
                .tag("reason", fallback.name().toLowerCase(java.util.Locale.ROOT))
                .register(meters).increment();
        return true;
    }
}
