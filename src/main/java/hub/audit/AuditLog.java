package hub.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers audit records (at most {@code capacity}) and appends them to the {@link AuditStore} from one background
 * thread. A batch the store refuses stays at the head and is tried again after {@code retryMs}, so a store outage
 * delays records but loses none until the buffer is full; records that find it full are counted as dropped and
 * logged. Closing flushes what it can.
 */
public class AuditLog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    static final int MAX_BATCH = 500;
    /** How long the writer waits after a first record for more to join its batch: one append carries them all. */
    static final long LINGER_MS = 50;

    private final AuditStore store;
    private final ObjectMapper mapper;
    private final BlockingQueue<AuditRecord> buffer;
    private final long retryMs;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    /** The batch being appended (only the writer thread touches it); inHand is its size, for waiting(). */
    private final List<AuditRecord> pending = new ArrayList<>();
    private volatile int inHand;
    private volatile boolean running = true;

    public AuditLog(AuditStore store, ObjectMapper mapper, int capacity, long retryMs) {
        this.store = store;
        this.mapper = mapper;
        this.buffer = new ArrayBlockingQueue<>(capacity);
        this.retryMs = retryMs;
        this.writer = new Thread(this::run, "audit-log-writer");
        writer.setDaemon(true);
        writer.start();
    }

    public void record(AuditRecord record) {
        if (!buffer.offer(record)) {
            long n = dropped.incrementAndGet();
            log.error("Audit buffer full: record of {} {} by {} dropped ({} so far)", record.method(), record.route(),
                    record.subject(), n);
        }
    }

    /** Records waiting to be appended, the failed batch included. */
    public int waiting() {
        return buffer.size() + inHand;
    }

    public long dropped() {
        return dropped.get();
    }

    private void run() {
        while (running || !buffer.isEmpty()) {
            try {
                if (!flush()) {
                    Thread.sleep(retryMs);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Appends the pending batch; false when the store failed (the batch is kept for the next try). */
    boolean flush() throws InterruptedException {
        if (pending.isEmpty()) {
            AuditRecord first = buffer.poll(200, TimeUnit.MILLISECONDS);
            if (first == null) {
                return true;
            }
            pending.add(first);
            inHand = 1;
            if (running && buffer.size() < MAX_BATCH - 1) {
                Thread.sleep(LINGER_MS);
            }
            buffer.drainTo(pending, MAX_BATCH - 1);
            inHand = pending.size();
        }
        try {
            for (Map.Entry<LocalDate, byte[]> day : lines(pending).entrySet()) {
                store.append(day.getKey(), day.getValue());
            }
            pending.clear();
            inHand = 0;
            return true;
        } catch (Exception e) {
            log.warn("Audit store unavailable, {} record(s) kept for retry: {}", pending.size(), e.toString());
            return false;
        }
    }

    /**
     * The pending records as JSON lines per UTC day. A batch spanning midnight whose first day was appended and whose
     * second failed is retried whole; such a duplicate is possible only in that second.
     */
    private Map<LocalDate, byte[]> lines(List<AuditRecord> records) throws JsonProcessingException {
        Map<LocalDate, ByteArrayOutputStream> days = new TreeMap<>();
        for (AuditRecord r : records) {
            ByteArrayOutputStream out = days.computeIfAbsent(LocalDate.ofInstant(r.at(), ZoneOffset.UTC),
                    d -> new ByteArrayOutputStream());
            out.writeBytes(mapper.writeValueAsBytes(r));
            out.write('\n');
        }
        Map<LocalDate, byte[]> result = new TreeMap<>();
        days.forEach((day, out) -> result.put(day, out.toByteArray()));
        return result;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        writer.join(5_000);
    }
}
