package hub.job;

import hub.incremental.GuidelineWork;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * How far the jobs this instance evaluates have come: guidelines done of total, shown in the status document while
 * a job runs. The status cache carries it to every instance (process-job refreshes the cached status after each
 * guideline); it is not persisted, so a job taken over after a crash starts counting again.
 */
@Component("jobProgress")
public class JobProgress {

    /** {@code writing}: whether one of the job's report-progress exchanges is writing its cached status. */
    private record Counter(int total, AtomicInteger done, Map<String, AtomicInteger> openAnswers,
                           AtomicBoolean writing) {}

    /** The exchange property holding the count that report-progress last wrote for the job. */
    static final String WRITTEN = "progressWritten";

    private final Map<String, Counter> jobs = new ConcurrentHashMap<>();

    public void start(String jobId, int guidelinesTotal) {
        jobs.put(jobId, new Counter(guidelinesTotal, new AtomicInteger(), new ConcurrentHashMap<>(),
                new AtomicBoolean()));
    }

    /** The model questions still open for the job's undecided guidelines. */
    public void expectAnswers(String jobId, List<? extends GuidelineWork> open) {
        Counter counter = jobs.get(jobId);
        if (counter != null) {
            open.forEach(work -> counter.openAnswers()
                    .computeIfAbsent(work.guidelineId(), id -> new AtomicInteger()).incrementAndGet());
        }
    }

    /** One answer of the model arrived; true when it completed its guideline and the status is worth refreshing. */
    public boolean answered(String jobId, GuidelineWork answer) {
        Counter counter = jobs.get(jobId);
        AtomicInteger open = counter == null ? null : counter.openAnswers().get(answer.guidelineId());
        return open != null && open.decrementAndGet() == 0 && guidelineDone(jobId);
    }

    /** Several answers arrived at once (a batch); true when one of them completed its guideline. */
    public boolean answeredAll(String jobId, List<? extends GuidelineWork> answers) {
        boolean changed = false;
        for (GuidelineWork answer : answers) {
            changed |= answered(jobId, answer);
        }
        return changed;
    }

    /**
     * Counts one guideline of the job done; true when the status is worth refreshing, i.e. guidelines remain (the
     * last one is followed by the completion, which writes the status anyway).
     */
    public boolean guidelineDone(String jobId) {
        Counter counter = jobs.get(jobId);
        return counter != null && counter.done().updateAndGet(done -> Math.min(done + 1, counter.total())) < counter.total();
    }

    /**
     * Whether the job's cached status has to be written (again) by this report-progress exchange, which writes it in
     * a loop while this is true. One exchange of a job writes at a time: a guideline done while another exchange is
     * writing leaves its count to that one, which writes again while the count moved since its last write (property
     * {@value #WRITTEN}), so the cache ends with the highest count and a job's guidelines done together cost one or
     * two writes, not one each. The writer gives the role up when nothing moved, and takes it back if the count moved
     * meanwhile and no other exchange took it.
     */
    public boolean writeNeeded(Exchange exchange) {
        Counter counter = jobs.get(exchange.getProperty("jobId", String.class));
        if (counter == null) {
            return false;
        }
        Integer written = exchange.getProperty(WRITTEN, Integer.class);
        if (written == null && !counter.writing().compareAndSet(false, true)) {
            return false;
        }
        int done = counter.done().get();
        if (written != null && written == done) {
            exchange.removeProperty(WRITTEN);
            counter.writing().set(false);
            // A count that moved before the role was given up found this exchange writing, and left itself to it.
            if (counter.done().get() == done || !counter.writing().compareAndSet(false, true)) {
                return false;
            }
            done = counter.done().get();
        }
        exchange.setProperty(WRITTEN, done);
        return true;
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
