package hub.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Sends the corpus through the hub with at most {@code concurrency} jobs in flight, in corpus order of results. */
public final class CorpusRunner {

    /** One item's report, or the reason it has none. */
    public record ItemRun(CorpusItem item, JsonNode report, String error) {
    }

    private CorpusRunner() {
    }

    public static List<ItemRun> run(HubApi api, List<CorpusItem> items, int concurrency, Consumer<String> progress)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, concurrency));
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<ItemRun>> futures = new ArrayList<>();
            for (CorpusItem item : items) {
                futures.add(pool.submit(() -> {
                    ItemRun run;
                    try {
                        run = new ItemRun(item, api.evaluate(item), null);
                    } catch (InterruptedException e) {
                        throw e;
                    } catch (Exception e) {
                        run = new ItemRun(item, null, e.getMessage() == null ? e.toString() : e.getMessage());
                    }
                    int n = done.incrementAndGet();
                    if (n % 25 == 0 || n == items.size()) {
                        progress.accept("eval: " + n + "/" + items.size() + " items done");
                    }
                    return run;
                }));
            }
            List<ItemRun> runs = new ArrayList<>();
            for (Future<ItemRun> future : futures) {
                try {
                    runs.add(future.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
            return runs;
        } finally {
            pool.shutdownNow();
        }
    }
}
