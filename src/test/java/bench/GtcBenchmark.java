package bench;

import com.azure.storage.blob.BlobServiceClient;
import hub.ComplianceHubApplication;
import hub.gtc.TestPdfs;
import hub.report.model.GtcDocument;
import hub.report.model.GtcFetched;
import hub.report.model.GtcLookup;
import hub.it.TestTokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.resilience4j.ResilienceProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The rerunnable GTC benchmark of issue 3 (see docs/gtc-benchmark.md): one hub in this JVM on the local services
 * (profile {@code local}: PostgreSQL, Redis, Azurite on loopback), two WireMock servers with a fixed latency as the
 * Smart Search primary and secondary regions, and the production routes {@code direct:gtc-metadata} and
 * {@code direct:gtc-document} driven through a Camel {@link ProducerTemplate}. Measures lookup latencies (cache hit
 * vs. cold), the failover time when the primary dies, and the cache hit rates of a Zipf replay read from the hub's
 * own Micrometer meters. Run it with {@code scripts/bench-gtc.sh}; it is not part of {@code ./mvnw verify}.
 *
 * <p>Settings (environment): BENCH_LATENCY_MS (40), BENCH_QUERIES (500), BENCH_DOCS (200), BENCH_LOOKUPS (10000),
 * BENCH_ZIPF_S (1.0), BENCH_SEED (42), BENCH_THREADS (4), BENCH_OUT (docs/gtc-benchmark.md, "-" for none).
 */
public final class GtcBenchmark {

    static final String SCHEMA = "compliance_hub_bench";
    static final String DB_URL = "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + SCHEMA;
    /** hub.region of the benchmark hub: its cache keys end in @bench, apart from the tests' @westeurope keys. */
    static final String REGION = "bench";
    static final String PRIMARY_BREAKER = "smart-search-primary";
    static final String SECONDARY_BREAKER = "smart-search-secondary";

    final int latencyMs = env("BENCH_LATENCY_MS", 40);
    final int queries = env("BENCH_QUERIES", 500);
    final int documents = env("BENCH_DOCS", 200);
    final int lookups = env("BENCH_LOOKUPS", 10_000);
    final double zipfS = Double.parseDouble(System.getenv().getOrDefault("BENCH_ZIPF_S", "1.0"));
    final long seed = env("BENCH_SEED", 42);
    final int threads = env("BENCH_THREADS", 4);
    final String out = System.getenv().getOrDefault("BENCH_OUT", "docs/gtc-benchmark.md");

    final String runId = UUID.randomUUID().toString().substring(0, 8);
    final String container = "gtc-bench-" + runId;
    final AtomicInteger fresh = new AtomicInteger();

    SmartSearchRegion primary;
    SmartSearchRegion secondary;
    ConfigurableApplicationContext hub;
    CamelContext camel;
    ProducerTemplate template;
    MeterRegistry meters;
    StringRedisTemplate redis;

    final Report report = new Report();

    public static void main(String[] args) throws Exception {
        int status = 0;
        try {
            new GtcBenchmark().run();
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    void run() throws Exception {
        long started = System.nanoTime();
        dropSchema();
        byte[] pdf = TestPdfs.savingsAccountGtc();
        Random mapping = new Random(seed);
        Map<String, String> docByQuery = new LinkedHashMap<>();
        for (int q = 0; q < queries; q++) {
            docByQuery.put(zipfQuery(q), "bench-zipf-gtc-" + mapping.nextInt(documents));
        }
        primary = new SmartSearchRegion(latencyMs, pdf, docByQuery);
        secondary = new SmartSearchRegion(latencyMs, pdf, docByQuery);
        log("Smart Search primary %s, secondary %s, fixed latency %d ms, PDF %d bytes", primary.url(), secondary.url(),
                latencyMs, pdf.length);
        long bootStart = System.nanoTime();
        hub = startHub();
        report.startupSeconds = (System.nanoTime() - bootStart) / 1e9;
        camel = hub.getBean(CamelContext.class);
        template = camel.createProducerTemplate();
        meters = hub.getBean(MeterRegistry.class);
        redis = hub.getBean(StringRedisTemplate.class);
        report.environment(hub.getEnvironment(), latencyMs, pdf.length, queries, documents, lookups, zipfS, seed,
                threads);
        try {
            deleteBenchKeys();
            warmUp();
            latencies();
            replay();
            failover("503", "every request answers HTTP 503", primary::failWith503, null);
            failover("stopped", "the WireMock server is stopped: connection refused", primary::stop, primary::start);
            FailoverRun hang = failover("hang", "every request hangs 20 s (longer than the breaker's 5 s timeout)",
                    () -> primary.hang(20_000), null);
            recovery(hang);
        } finally {
            try {
                deleteBenchKeys();
                hub.getBean(BlobServiceClient.class).getBlobContainerClient(container).deleteIfExists();
            } catch (RuntimeException e) {
                log("cleanup failed: %s", e);
            }
            template.close();
            hub.close();
            secondary.stop();
            primary.stop();
        }
        report.totalSeconds = (System.nanoTime() - started) / 1e9;
        report.loadAtEnd = Report.loadAverage();
        String markdown = report.markdown();
        System.out.println();
        System.out.println(report.table());
        if (!"-".equals(out)) {
            Files.writeString(Path.of(out), markdown);
            log("wrote %s", out);
        }
    }

    // ---------------------------------------------------------------- the hub

    ConfigurableApplicationContext startHub() {
        List<String> args = List.of(
                "--server.port=0",
                "--spring.datasource.url=" + DB_URL,
                "--spring.flyway.schemas=" + SCHEMA,
                "--hub.instance-id=bench-" + runId,
                "--hub.region=" + REGION,
                "--hub.security.jwt.secret=" + TestTokens.SECRET,
                "--hub.guidelines.dir=src/test/resources/guideline-sets",
                "--hub.smart-search.enabled=true",
                "--hub.smart-search.api-key=bench-key",
                "--hub.smart-search.primary.url=" + primary.url(),
                "--hub.smart-search.secondary.url=" + secondary.url(),
                "--hub.smart-search.rate-limit.name=smart-search-bench-" + runId,
                "--hub.blob.gtc-container=" + container,
                "--logging.level.root=WARN",
                // The failover warnings of these routes are the expected outcome here, one per lookup.
                "--logging.level.smart-search=ERROR",
                "--logging.level.gtc-metadata=ERROR",
                "--logging.level.gtc-document=ERROR",
                // "Using fallback font LiberationSans for Helvetica", once per page of every extraction.
                "--logging.level.org.apache.pdfbox=ERROR");
        return new SpringApplicationBuilder(ComplianceHubApplication.class).profiles("local", "it")
                .run(args.toArray(String[]::new));
    }

    static void dropSchema() throws Exception {
        try (Connection c = DriverManager.getConnection(DB_URL, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    void deleteBenchKeys() {
        List<String> keys = new ArrayList<>();
        try (Cursor<String> cursor = redis.scan(ScanOptions.scanOptions().match("gtc:*@" + REGION).count(1000).build())) {
            cursor.forEachRemaining(keys::add);
        }
        if (!keys.isEmpty()) {
            redis.delete(keys);
        }
        log("deleted %d Redis keys gtc:*@%s", keys.size(), REGION);
    }

    GtcLookup lookup(String query) {
        Exchange exchange = template.request("direct:gtc-metadata", e -> e.getIn().setBody(query));
        if (exchange.getException() != null) {
            throw new IllegalStateException("lookup of '" + query + "' failed", exchange.getException());
        }
        return exchange.getMessage().getBody(GtcLookup.class);
    }

    GtcFetched fetch(GtcDocument document) {
        Exchange exchange = template.request("direct:gtc-document", e -> e.getIn().setBody(document));
        if (exchange.getException() != null) {
            throw new IllegalStateException("fetch of " + document.id() + " failed", exchange.getException());
        }
        return exchange.getMessage().getBody(GtcFetched.class);
    }

    static GtcDocument document(String id) {
        return new GtcDocument(id, "General Terms and Conditions " + id, "FutureNest", "2026.1", "2026-01-01", null,
                "en", id, null);
    }

    String freshQuery(String kind) {
        return "bench " + kind + " " + runId + " " + fresh.incrementAndGet();
    }

    String zipfQuery(int rank) {
        return "bench zipf " + runId + " query " + rank;
    }

    // ---------------------------------------------------------------- 1. latencies

    void warmUp() {
        log("warm-up (JIT, connection pools)");
        List<String> warm = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String q = freshQuery("warmup");
            warm.add(q);
            lookup(q);
        }
        for (int i = 0; i < 400; i++) {
            lookup(warm.get(i % warm.size()));
        }
        List<GtcDocument> docs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            GtcDocument d = document("bench-warmup-" + runId + "-" + i);
            docs.add(d);
            fetch(d);
        }
        for (int i = 0; i < 200; i++) {
            fetch(docs.get(i % docs.size()));
        }
    }

    void latencies() {
        int cold = env("BENCH_COLD_SAMPLES", 300);
        int hot = env("BENCH_HIT_SAMPLES", 3000);
        log("latency: %d cold metadata lookups, %d Redis hits", cold, hot);
        List<String> seen = new ArrayList<>();
        Samples coldMeta = new Samples();
        for (int i = 0; i < cold; i++) {
            String q = freshQuery("latency");
            seen.add(q);
            long t = System.nanoTime();
            GtcLookup l = lookup(q);
            coldMeta.add(System.nanoTime() - t);
            expect("primary", l.source(), "cold metadata lookup");
        }
        Samples hitMeta = new Samples();
        for (int i = 0; i < hot; i++) {
            long t = System.nanoTime();
            GtcLookup l = lookup(seen.get(i % seen.size()));
            hitMeta.add(System.nanoTime() - t);
            expect("cache", l.source(), "metadata Redis hit");
        }
        int coldPdf = env("BENCH_COLD_PDF_SAMPLES", 200);
        int hotPdf = env("BENCH_HIT_PDF_SAMPLES", 1000);
        log("latency: %d cold PDF downloads, %d Blob hits", coldPdf, hotPdf);
        List<GtcDocument> docs = new ArrayList<>();
        Samples coldDoc = new Samples();
        for (int i = 0; i < coldPdf; i++) {
            GtcDocument d = document("bench-latency-" + runId + "-" + i);
            docs.add(d);
            long t = System.nanoTime();
            GtcFetched f = fetch(d);
            coldDoc.add(System.nanoTime() - t);
            expect("primary", f.source(), "cold PDF download");
            expectUsable(f);
        }
        Samples hitDoc = new Samples();
        for (int i = 0; i < hotPdf; i++) {
            long t = System.nanoTime();
            GtcFetched f = fetch(docs.get(i % docs.size()));
            hitDoc.add(System.nanoTime() - t);
            expect("blob", f.source(), "PDF Blob hit");
            expectUsable(f);
        }
        report.latency("metadata lookup, Redis hit", hitMeta);
        report.latency("metadata lookup, cold miss (Smart Search primary)", coldMeta);
        report.latency("PDF fetch + text extraction, Blob hit", hitDoc);
        report.latency("PDF fetch + text extraction, cold download", coldDoc);
    }

    void expect(String source, String actual, String what) {
        if (!source.equals(actual)) {
            report.anomalies.merge(what + " served by '" + actual + "' (expected '" + source + "')", 1, Integer::sum);
        }
    }

    void expectUsable(GtcFetched f) {
        if (!f.usable()) {
            report.anomalies.merge("PDF not readable: " + f.error(), 1, Integer::sum);
        }
    }

    // ---------------------------------------------------------------- 3. Zipf replay and hit rates

    void replay() throws Exception {
        Zipf zipf = new Zipf(queries, zipfS, seed);
        int[] sequence = new int[lookups];
        for (int i = 0; i < lookups; i++) {
            sequence[i] = zipf.next();
        }
        long distinctQueries = java.util.Arrays.stream(sequence).distinct().count();
        log("replay: %d lookups over %d queries (Zipf s=%.2f, seed %d; %d distinct drawn) -> %d documents, %d threads",
                lookups, queries, zipfS, seed, distinctQueries, documents, threads);
        double[] before = cacheCounts();
        int primaryBefore = primary.requests();
        AtomicInteger next = new AtomicInteger();
        Map<String, AtomicLong> sources = new ConcurrentHashMap<>();
        java.util.Set<String> docsSeen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < lookups; i = next.getAndIncrement()) {
                    GtcLookup l = lookup(zipfQuery(sequence[i]));
                    sources.computeIfAbsent("metadata:" + l.source(), k -> new AtomicLong()).incrementAndGet();
                    for (GtcDocument d : l.documents()) {
                        docsSeen.add(d.id());
                        GtcFetched f = fetch(d);
                        sources.computeIfAbsent("pdf:" + f.source(), k -> new AtomicLong()).incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - t) / 1e9;
        double[] after = cacheCounts();
        report.replay(after[0] - before[0], after[1] - before[1], after[2] - before[2], after[3] - before[3],
                distinctQueries, docsSeen.size(), seconds, primary.requests() - primaryBefore, sources);
        log("replay done in %.1f s: %s", seconds, sources);
    }

    /** metadata hit, metadata miss, pdf hit, pdf miss: the hub's smart_search_cache_requests counters. */
    double[] cacheCounts() {
        return new double[] {count("metadata", "hit"), count("metadata", "miss"), count("pdf", "hit"), count("pdf", "miss")};
    }

    double count(String layer, String result) {
        return meters.find("smart_search_cache_requests").tag("cache_layer", layer).tag("result", result).counters()
                .stream().mapToDouble(Counter::count).sum();
    }

    // ---------------------------------------------------------------- 2. failover

    ResilienceProcessor breaker(String id) {
        return (ResilienceProcessor) camel.getProcessor(id);
    }

    String state(String id) {
        return breaker(id).getCircuitBreakerState();
    }

    record Sample(double startMs, double endMs, double latencyMs, String source) {}

    static final class FailoverRun {
        String name;
        String how;
        List<Sample> samples = new ArrayList<>();
        double openAtMs = Double.NaN;
        long openedAtNanos;
        int lookupsBeforeOpen;
        int primaryCallsBeforeOpen;
        int primaryCallsAfterOpen;
        int notServed;

        double firstSecondaryMs() {
            return samples.stream().filter(s -> "secondary".equals(s.source)).mapToDouble(Sample::endMs).findFirst()
                    .orElse(Double.NaN);
        }

        Samples latencies(boolean afterOpen) {
            Samples s = new Samples();
            samples.stream().filter(x -> afterOpen == (!Double.isNaN(openAtMs) && x.startMs >= openAtMs))
                    .forEach(x -> s.add((long) (x.latencyMs * 1e6)));
            return s;
        }
    }

    /**
     * Kills the primary at t0 while one client keeps doing cold lookups (each one needs Smart Search) back to back,
     * and records when lookups are first served by the secondary and when the primary's breaker opens.
     */
    FailoverRun failover(String name, String how, Runnable kill, Runnable revive) throws Exception {
        log("failover: primary %s", how);
        primary.healthy();
        breaker(PRIMARY_BREAKER).getCircuitBreaker().reset();
        breaker(SECONDARY_BREAKER).getCircuitBreaker().reset();
        // Steady state first: the breaker's sliding window (10 calls) full of successes.
        for (int i = 0; i < 10; i++) {
            expect("primary", lookup(freshQuery("steady")).source(), "steady-state lookup before " + name);
        }
        FailoverRun run = new FailoverRun();
        run.name = name;
        run.how = how;
        kill.run();
        long t0 = System.nanoTime();
        if (!"stopped".equals(name)) {
            primary.resetRequests();
        }
        AtomicLong openedAt = new AtomicLong();
        Thread watcher = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted() && openedAt.get() == 0) {
                if ("OPEN".equals(state(PRIMARY_BREAKER))) {
                    openedAt.set(System.nanoTime());
                    return;
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "breaker-watcher");
        watcher.setDaemon(true);
        watcher.start();
        int afterOpen = 0;
        while ((System.nanoTime() - t0) < TimeUnit.SECONDS.toNanos(60) && afterOpen < 20) {
            long s = System.nanoTime();
            GtcLookup l = lookup(freshQuery("failover-" + name));
            long e = System.nanoTime();
            run.samples.add(new Sample((s - t0) / 1e6, (e - t0) / 1e6, (e - s) / 1e6, l.source()));
            if (!"primary".equals(l.source()) && !"secondary".equals(l.source())) {
                run.notServed++;
            }
            if (openedAt.get() != 0) {
                if (afterOpen == 0) {
                    run.lookupsBeforeOpen = run.samples.size();
                    run.primaryCallsBeforeOpen = primary.requests();
                }
                afterOpen++;
            }
        }
        watcher.interrupt();
        if (openedAt.get() != 0) {
            run.openedAtNanos = openedAt.get();
            run.openAtMs = (openedAt.get() - t0) / 1e6;
            run.primaryCallsAfterOpen = primary.requests() - run.primaryCallsBeforeOpen;
        }
        log("failover %s: first served by the secondary at %.0f ms, breaker open at %.0f ms after %d lookups",
                name, run.firstSecondaryMs(), run.openAtMs, run.lookupsBeforeOpen);
        report.failovers.add(run);
        if (revive != null) {
            revive.run();
        }
        return run;
    }

    /**
     * After the hang run the primary's breaker is open; the primary recovers now. Measures when lookups return to
     * it: the breaker stays open for wait-duration-in-open-state, then half-open lets trial calls through.
     */
    void recovery(FailoverRun hang) {
        if (hang.openedAtNanos == 0) {
            return;
        }
        primary.healthy();
        long revived = System.nanoTime();
        log("recovery: primary healthy again, breaker %s; waiting for traffic to return", state(PRIMARY_BREAKER));
        while (System.nanoTime() - revived < TimeUnit.SECONDS.toNanos(90)) {
            GtcLookup l = lookup(freshQuery("recovery"));
            if ("primary".equals(l.source())) {
                long back = System.nanoTime();
                report.recoveryAfterRevivalMs = (back - revived) / 1e6;
                report.recoveryAfterOpenMs = (back - hang.openedAtNanos) / 1e6;
                break;
            }
            sleep(200);
        }
        log("recovery: back on the primary %.1f s after it recovered (%.1f s after the breaker opened)",
                report.recoveryAfterRevivalMs / 1e3, report.recoveryAfterOpenMs / 1e3);
    }

    // ---------------------------------------------------------------- helpers

    static int env(String name, int fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void log(String format, Object... args) {
        System.out.printf("[bench] " + format + "%n", args);
    }

    static String property(Environment env, String key) {
        return env.getProperty(key, "?");
    }
}
