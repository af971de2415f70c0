package hub.job;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * How far the jobs this instance evaluates have come: guidelines done of total, shown in the status document while
 * a job runs. The status cache carries it to every instance (process-job refreshes the cached status after each
 * guideline); it is not persisted, so a job taken over after a crash starts counting again.
 */
@Component("jobProgress")
public class JobProgress {

    private record Counter(int total, AtomicInteger done) {}

    private final Map<String, Counter> jobs = new ConcurrentHashMap<>();

    public void start(String jobId, int guidelinesTotal) {
        jobs.put(jobId, new Counter(guidelinesTotal, new AtomicInteger()));
    }

    /**
     * Counts one guideline of the job done; true when the status is worth refreshing, i.e. guidelines remain (the
     * last one is followed by the completion, which writes the status anyway).
     */
    public boolean guidelineDone(String jobId) {
        Counter counter = jobs.get(jobId);
        return counter != null && counter.done().updateAndGet(done -> Math.min(done + 1, counter.total())) < counter.total();
    }

    public void finished(String jobId) {
        jobs.remove(jobId);
    }

    /** The progress of a job this instance evaluates, or null. */
    public Progress of(String jobId) {
        Counter counter = jobs.get(jobId);
        return counter == null ? null : new Progress(counter.done().get(), counter.total());
    }

    /** The status document's {@code progress}. */
    public record Progress(int guidelinesDone, int guidelinesTotal) {}
}
