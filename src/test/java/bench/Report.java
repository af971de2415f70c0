package bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.env.Environment;

/** The benchmark's results: the console table and docs/gtc-benchmark.md. */
final class Report {

    record Latency(String name, Samples samples) {}

    double startupSeconds;
    String loadAtStart = loadAverage();
    String loadAtEnd;
    double totalSeconds;
    final List<Latency> latencies = new ArrayList<>();
    final List<GtcBenchmark.FailoverRun> failovers = new ArrayList<>();
    final Map<String, Integer> anomalies = new TreeMap<>();
    double recoveryAfterRevivalMs = Double.NaN;
    double recoveryAfterOpenMs = Double.NaN;

    // replay
    double metaHit, metaMiss, pdfHit, pdfMiss, replaySeconds;
    long distinctQueries;
    int documentsSeen, primaryRequestsInReplay;
    Map<String, Long> replaySources = new TreeMap<>();

    // environment
    int latencyMs, pdfBytes, queries, documents, lookups, threads;
    double zipfS;
    long seed;
    String breakerWindow, breakerMinCalls, breakerThreshold, breakerOpenSeconds, breakerHalfOpenCalls,
            breakerTimeoutEnabled, breakerTimeoutMs, httpResponseTimeout, rateLimit;

    void environment(Environment env, int latencyMs, int pdfBytes, int queries, int documents, int lookups,
                     double zipfS, long seed, int threads) {
        this.latencyMs = latencyMs;
        this.pdfBytes = pdfBytes;
        this.queries = queries;
        this.documents = documents;
        this.lookups = lookups;
        this.zipfS = zipfS;
        this.seed = seed;
        this.threads = threads;
        String p = "camel.resilience4j.configurations.smartSearch.";
        breakerWindow = GtcBenchmark.property(env, p + "sliding-window-size");
        breakerMinCalls = GtcBenchmark.property(env, p + "minimum-number-of-calls");
        breakerThreshold = GtcBenchmark.property(env, p + "failure-rate-threshold");
        breakerOpenSeconds = GtcBenchmark.property(env, p + "wait-duration-in-open-state");
        breakerHalfOpenCalls = GtcBenchmark.property(env, p + "permitted-number-of-calls-in-half-open-state");
        breakerTimeoutEnabled = GtcBenchmark.property(env, p + "timeout-enabled");
        breakerTimeoutMs = GtcBenchmark.property(env, p + "timeout-duration");
        httpResponseTimeout = GtcBenchmark.property(env, "camel.component.http.response-timeout");
        rateLimit = env.getProperty("hub.smart-search.rate-limit.per-second", "none") + "/s, burst "
                + env.getProperty("hub.smart-search.rate-limit.burst", "-");
    }

    void latency(String name, Samples samples) {
        latencies.add(new Latency(name, samples));
    }

    void replay(double metaHit, double metaMiss, double pdfHit, double pdfMiss, long distinctQueries,
                int documentsSeen, double seconds, int primaryRequests, Map<String, AtomicLong> sources) {
        this.metaHit = metaHit;
        this.metaMiss = metaMiss;
        this.pdfHit = pdfHit;
        this.pdfMiss = pdfMiss;
        this.distinctQueries = distinctQueries;
        this.documentsSeen = documentsSeen;
        this.replaySeconds = seconds;
        this.primaryRequestsInReplay = primaryRequests;
        sources.forEach((k, v) -> replaySources.put(k, v.get()));
    }

    double metaRate() {
        return metaHit / (metaHit + metaMiss);
    }

    double pdfRate() {
        return pdfHit / (pdfHit + pdfMiss);
    }

    boolean failoverMet() {
        return !failovers.isEmpty() && failovers.stream()
                .allMatch(f -> f.firstSecondaryMs() < 30_000 && f.notServed == 0);
    }

    /** The summary table, printed on the console and at the top of the document. */
    String table() {
        StringBuilder b = new StringBuilder();
        b.append("| measurement | p50 | p99 | samples |\n| --- | ---: | ---: | ---: |\n");
        for (Latency l : latencies) {
            b.append(String.format(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %d |%n", l.name(),
                    l.samples().percentileMs(0.50), l.samples().percentileMs(0.99), l.samples().size()));
        }
        b.append("\n| failover (primary dies at t = 0) | first lookup served by the secondary | primary breaker OPEN"
                + " | failover lookups before OPEN (p50) | after OPEN (p50) | lookups not served |\n")
                .append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (GtcBenchmark.FailoverRun f : failovers) {
            b.append(String.format(Locale.ROOT, "| %s | %s | %s after %d lookups | %s | %s | %d |%n", f.name,
                    seconds(f.firstSecondaryMs()), seconds(f.openAtMs), f.lookupsBeforeOpen,
                    ms(f.latencies(false).percentileMs(0.5)), ms(f.latencies(true).percentileMs(0.5)), f.notServed));
        }
        b.append(String.format(Locale.ROOT, "%n| replay of %,d lookups (Zipf s=%.1f over %d queries, %d documents) "
                        + "| hits | misses | hit rate | target | met |%n| --- | ---: | ---: | ---: | ---: | :---: |%n",
                lookups, zipfS, queries, documents));
        b.append(String.format(Locale.ROOT, "| metadata (Redis) | %,.0f | %,.0f | %.2f %% | > 90 %% | %s |%n",
                metaHit, metaMiss, 100 * metaRate(), metaRate() > 0.90 ? "yes" : "**no**"));
        b.append(String.format(Locale.ROOT, "| PDF (Blob) | %,.0f | %,.0f | %.2f %% | > 85 %% | %s |%n",
                pdfHit, pdfMiss, 100 * pdfRate(), pdfRate() > 0.85 ? "yes" : "**no**"));
        return b.toString();
    }

    String markdown() {
        String date = ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT));
        StringBuilder b = new StringBuilder();
        b.append("# GTC benchmark\n\n")
                .append("Lookup latency, regional failover time and cache hit rates of the GTC validation (issue 3's ")
                .append("\"Benchmark\" section), measured on one hub with the production routes. This file is written by ")
                .append("the benchmark itself: rerun it and it is replaced with the new numbers.\n\n")
                .append(String.format(Locale.ROOT, "Last run: %s, code `%s`%s, %.0f s in all (hub start-up %.1f s).%n%n",
                        date, git(), git().endsWith("-dirty") ? " (with uncommitted changes)" : "", totalSeconds,
                        startupSeconds));

        b.append("## Results\n\n").append(table()).append('\n');

        b.append("## Targets (the seed's)\n\n| target | measured | met |\n| --- | --- | :---: |\n");
        String failoverMeasured = failovers.stream().map(f -> f.name + " " + seconds(f.firstSecondaryMs()))
                .reduce((x, y) -> x + ", " + y).orElse("not measured");
        b.append(String.format(Locale.ROOT, "| failover to the secondary < 30 s | %s (breaker open: %s) | %s |%n",
                failoverMeasured, failovers.stream().map(f -> f.name + " " + seconds(f.openAtMs))
                        .reduce((x, y) -> x + ", " + y).orElse("-"), failoverMet() ? "yes" : "**no**"));
        b.append(String.format(Locale.ROOT, "| metadata cache hit rate > 90 %% | %.2f %% | %s |%n", 100 * metaRate(),
                metaRate() > 0.90 ? "yes" : "**no**"));
        b.append(String.format(Locale.ROOT, "| PDF cache hit rate > 85 %% | %.2f %% | %s |%n%n", 100 * pdfRate(),
                pdfRate() > 0.85 ? "yes" : "**no**"));

        b.append("## Machine\n\n")
                .append(String.format(Locale.ROOT, "- %d CPUs (`nproc`), %s%n", Runtime.getRuntime().availableProcessors(),
                        cpuModel()))
                .append(String.format(Locale.ROOT, "- load average (1, 5, 15 min) at the start: %s; at the end: %s "
                        + "(other work on the machine shows here; the p99s are the first to feel it)%n", loadAtStart,
                        loadAtEnd))
                .append(String.format(Locale.ROOT, "- memory: %s; JVM max heap %d MiB%n", memTotal(),
                        Runtime.getRuntime().maxMemory() >> 20))
                .append(String.format(Locale.ROOT, "- %s %s (%s)%n", System.getProperty("os.name"),
                        System.getProperty("os.version"), System.getProperty("os.arch")))
                .append(String.format(Locale.ROOT, "- JVM: %s %s (%s)%n", System.getProperty("java.vm.name"),
                        System.getProperty("java.runtime.version"), System.getProperty("java.vm.vendor")))
                .append("- services on loopback: PostgreSQL 127.0.0.1:5432, Redis 127.0.0.1:6379, Azurite (Blob) "
                        + "127.0.0.1:10000; WireMock for both Smart Search regions, in the benchmark's JVM\n\n");

        b.append("## How to rerun\n\n```sh\nscripts/bench-gtc.sh\n```\n\n")
                .append("The script starts the local services the way `scripts/test.sh` does (installing them when they ")
                .append("are missing), then runs `./mvnw -B -Pbench` (profile `bench`: `test-compile exec:exec`, which ")
                .append("forks `java -cp <test classpath> bench.GtcBenchmark`). It takes about 3 minutes on 2 cores ")
                .append("(this run: ").append(String.format(Locale.ROOT, "%.0f", totalSeconds))
                .append(" s in the benchmark's JVM, plus Maven and compilation), and is not part of `./mvnw verify` (the class is neither a `*Test` nor an ")
                .append("`*IT`). Settings come from the environment: `BENCH_LATENCY_MS` (")
                .append(latencyMs).append("), `BENCH_QUERIES` (").append(queries).append("), `BENCH_DOCS` (")
                .append(documents).append("), `BENCH_LOOKUPS` (").append(lookups).append("), `BENCH_ZIPF_S` (")
                .append(zipfS).append("), `BENCH_SEED` (").append(seed).append("), `BENCH_THREADS` (").append(threads)
                .append("), `BENCH_OUT` (this file; `-` writes nothing). The code is in `src/test/java/bench/`.\n\n");

        b.append("## Setup\n\n")
                .append("- One hub, started in the benchmark's JVM like `hub.it.RunningHub`: profile `local`, its own ")
                .append("schema `compliance_hub_bench` (dropped at start), `hub.smart-search.enabled=true`, ")
                .append("`hub.region=bench` (so its cache keys end in `@bench` and are deleted before and after the run, ")
                .append("and its cache meters carry `region=bench`), ")
                .append("its own Blob container `gtc-bench-<run>` (deleted after the run) and its own rate-limit bucket. ")
                .append("Everything else is the default configuration, the circuit breakers included.\n")
                .append(String.format(Locale.ROOT, "- Two WireMock servers on 127.0.0.1 as the primary and secondary "
                        + "regions, each answering searches and PDF downloads after a **fixed %d ms** delay. The PDF is "
                        + "the tests' 3-page GTC (`hub.gtc.TestPdfs.savingsAccountGtc()`, %,d bytes).%n", latencyMs,
                        pdfBytes))
                .append("- The production routes are driven through a Camel `ProducerTemplate`: `direct:gtc-metadata` ")
                .append("with the query as body (it reads nothing else) and `direct:gtc-document` with a `GtcDocument` ")
                .append("as body, exactly what `validate-gtc` sends them for each query and document of a job. ")
                .append("Latencies are measured around that call, one caller, after a warm-up of 460 lookups and ")
                .append("240 PDF fetches.\n")
                .append(String.format(Locale.ROOT, "- Circuit breaker `smartSearch` (application.yaml): count window %s "
                                + "calls, at least %s calls, opens at %s %% failures, stays open %s s, %s trial calls half-open, "
                                + "timeout %s (%s ms). HTTP response timeout %s ms. Rate limit %s.%n%n",
                        breakerWindow, breakerMinCalls, breakerThreshold, breakerOpenSeconds, breakerHalfOpenCalls,
                        breakerTimeoutEnabled, breakerTimeoutMs, httpResponseTimeout, rateLimit));

        b.append("## What the numbers mean\n\n")
                .append("**Latencies** (nearest-rank p50 and p99 of single calls, milliseconds):\n\n")
                .append("- *metadata lookup, Redis hit*: `gtc-metadata` finds `gtc:metadata:{sha256(query)}@{region}` in ")
                .append("Redis: one GET and the JSON parse, no HTTP.\n")
                .append("- *cold miss*: a query never seen: Redis miss, a rate-limit token, the primary's search ")
                .append(String.format(Locale.ROOT, "(%d ms of fake latency) inside its breaker, then two Redis SETEX ", latencyMs))
                .append("(the 1 h entry and the 30-day stale copy). Cold minus the fake latency is the hub's overhead.\n")
                .append("- *PDF fetch, Blob hit*: `gtc-document` reads `gtc-cache/{gtcId}.pdf` from Azurite with its ")
                .append("metadata, checks `expires_at`, and extracts the text with PDFBox (pages and sections). The ")
                .append("extraction is part of every fetch, cached or not.\n")
                .append("- *cold download*: a document not in the Blob store: the failed Blob read, the primary's download ")
                .append("(fixed latency), the Blob upload with `cached_at`/`expires_at`, the Redis location key, and the ")
                .append("extraction.\n\n")
                .append("**Failover**: one client does cold lookups back to back (each needs Smart Search). After 10 ")
                .append("successful lookups (a full breaker window), the primary dies at t = 0 in one of three ways. ")
                .append("*First lookup served by the secondary* is when the first lookup that started after t = 0 came back ")
                .append("with `source = secondary`, i.e. the outage's cost to a caller. *Breaker OPEN* is when the primary's ")
                .append("circuit breaker `smart-search-primary` went open (polled every 2 ms) and after how many lookups; from then ")
                .append("on the primary gets no calls and lookups go straight to the secondary. The two p50 columns are the ")
                .append("lookup latency while failing over call by call, and once the breaker is open.\n\n")
                .append(failoverDetails())
                .append(mechanisms())
                .append("**Hit rates**: ")
                .append(String.format(Locale.ROOT, "%,d lookups drawn from %d queries with a Zipf distribution (s = %.1f, ",
                        lookups, queries, zipfS))
                .append(String.format(Locale.ROOT, "`java.util.Random` seed %d); each query maps to one of %d GTC "
                        + "documents (seeded too), which is fetched after its lookup as `validate-gtc` does, so there are "
                        + "as many PDF lookups as metadata lookups. The caches start empty. %d threads replay the sequence. "
                        + "The counts are the increase of the hub's own counter `smart_search_cache_requests{cache_layer, "
                        + "result}` (Prometheus `smart_search_cache_requests_total`) over the replay; a PDF counts as a hit "
                        + "only when its cached copy is fresh.%n%n", seed, documents, threads))
                .append(String.format(Locale.ROOT, "The replay drew %d distinct queries and %d distinct documents: those "
                        + "are compulsory misses on a cold cache, so the best possible rates were %.2f %% (metadata) and "
                        + "%.2f %% (PDF). Misses above that come from concurrent first lookups of the same key. The replay "
                        + "took %.1f s (%,.0f lookups/s with the PDF fetch) and sent %d requests to the primary. Sources "
                        + "seen: %s.%n%n", distinctQueries, documentsSeen,
                        100.0 * (lookups - distinctQueries) / lookups, 100.0 * (lookups - documentsSeen) / lookups,
                        replaySeconds, lookups / replaySeconds, primaryRequestsInReplay, replaySources));
        if (!anomalies.isEmpty()) {
            b.append("**Anomalies** (calls not served as the phase expected):\n\n");
            anomalies.forEach((k, v) -> b.append("- ").append(k).append(": ").append(v).append('\n'));
            b.append('\n');
        }

        b.append("## Caveats\n\n")
                .append("- **Loopback.** Redis, Azurite and both Smart Search regions are on 127.0.0.1 of the same 2-core ")
                .append("machine, and the benchmark's client threads share the CPUs with them and with the hub. Network ")
                .append("round trips to Azure Cache for Redis and Blob Storage (about 1 ms in the same region) are not ")
                .append("included; CPU contention is.\n")
                .append("- **Fake latency.** Smart Search is WireMock with a fixed delay, so the cold numbers are that delay ")
                .append("plus the hub's own work; the real API's latency and its variance are unknown. Azurite is not ")
                .append("Blob Storage.\n")
                .append("- **One instance.** One hub, one JVM. Several instances share Redis, Blob and the rate limit, ")
                .append("so the hit rates would be the same or better, but each instance has its own circuit breakers: each ")
                .append("one must see its own failures before its breaker opens.\n")
                .append("- **Failover timing depends on traffic.** The breaker counts calls, not time: with one ")
                .append("sequential caller and a hanging primary, the ").append(breakerMinCalls)
                .append(" failed calls needed to open it take ").append(breakerMinCalls).append(" x ")
                .append(breakerTimeoutMs).append(" ms; more concurrent callers open it sooner, sparser traffic spreads ")
                .append("the same timed-out calls over a longer time. Each instance has its own breakers. Traffic returns ")
                .append("to the primary only after ").append(breakerOpenSeconds)
                .append(" s open and successful half-open trials");
        if (!Double.isNaN(recoveryAfterOpenMs)) {
            b.append(String.format(Locale.ROOT, " (measured after the hang run: back on the primary %.1f s after the "
                    + "breaker opened, %.1f s after the primary recovered)", recoveryAfterOpenMs / 1e3,
                    recoveryAfterRevivalMs / 1e3));
        }
        b.append(".\n")
                .append("- **Cold start and a short run.** The hit rates are from empty caches over one replay, well ")
                .append("inside the 1 h metadata TTL; a long-running hub also sees expiries, and a real query mix may be ")
                .append("flatter than Zipf(1.0) over 500 queries.\n")
                .append("- **Direct calls.** The latencies are those of the two routes, not of whole jobs: a job adds the ")
                .append("queue, PostgreSQL, the LLM and the report.\n");
        return b.toString();
    }

    /** Which mechanism bounds the failover in each run, with this run's numbers. */
    private String mechanisms() {
        StringBuilder b = new StringBuilder("Which mechanism bounds the failover:\n\n");
        for (GtcBenchmark.FailoverRun f : failovers) {
            Samples before = f.latencies(false);
            switch (f.name) {
                case "stopped" -> b.append(String.format(Locale.ROOT, "- *stopped*: the connection is refused at once, "
                        + "the primary's `circuitBreaker` falls back and its `onFallback` calls the secondary within the "
                        + "same lookup (per-call failover): the first lookup came back from the secondary after %s. The "
                        + "breaker opening (%s) changes nothing a caller notices; it only stops the connection attempts.%n",
                        ms(f.firstSecondaryMs()), seconds(f.openAtMs)));
                case "503" -> b.append(String.format(Locale.ROOT, "- *503*: per-call failover as well (the hub turns "
                        + "off Apache HttpClient's own retry of 503 and 429, see `HttpClientConfig`): the primary received "
                        + "%d requests for the %d lookups before the breaker opened, and each of those lookups took about "
                        + "%s. Once the breaker opened (%s) lookups went straight to the secondary.%n", f.primaryCallsBeforeOpen,
                        f.lookupsBeforeOpen, ms(before.percentileMs(0.5)), seconds(f.openAtMs)));
                case "hang" -> b.append(String.format(Locale.ROOT, "- *hang*: the breaker's `timeout-duration` (%s ms) "
                        + "bounds each call: every lookup still got its answer from the secondary, after %s (the first at "
                        + "%s). Opening the breaker is what removes the timeouts: after %d timed-out calls, at %s, lookups "
                        + "took %s again. Without the breaker's timeout, camel-http's response timeout (%s ms) would bound "
                        + "each call instead.%n", breakerTimeoutMs, ms(before.percentileMs(0.5)),
                        seconds(f.firstSecondaryMs()), f.lookupsBeforeOpen, seconds(f.openAtMs),
                        ms(f.latencies(true).percentileMs(0.5)), httpResponseTimeout));
                default -> { }
            }
        }
        return b.append('\n').toString();
    }

    private String failoverDetails() {
        StringBuilder b = new StringBuilder("| run | how the primary dies | requests reaching the primary before OPEN "
                + "/ after | first lookups after t = 0 (latency, source) |\n| --- | --- | ---: | --- |\n");
        for (GtcBenchmark.FailoverRun f : failovers) {
            List<String> first = new ArrayList<>();
            for (int i = 0; i < Math.min(8, f.samples.size()); i++) {
                GtcBenchmark.Sample s = f.samples.get(i);
                first.add(String.format(Locale.ROOT, "%.0f ms %s", s.latencyMs(), s.source()));
            }
            b.append("| ").append(f.name).append(" | ").append(f.how).append(" | ")
                    .append("stopped".equals(f.name) ? "- (nothing listens)"
                            : f.primaryCallsBeforeOpen + " / " + f.primaryCallsAfterOpen)
                    .append(" | ").append(String.join(", ", first))
                    .append(f.samples.size() > 8 ? ", … (" + f.samples.size() + " in all)" : "").append(" |\n");
        }
        b.append('\n');
        return b.toString();
    }

    private static String seconds(double ms) {
        return Double.isNaN(ms) ? "never" : String.format(Locale.ROOT, "%.2f s", ms / 1e3);
    }

    private static String ms(double ms) {
        return Double.isNaN(ms) ? "-" : String.format(Locale.ROOT, "%.0f ms", ms);
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> String.format(Locale.ROOT, "%.1f GiB",
                            Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                    .findFirst().orElse("unknown");
        } catch (IOException | NumberFormatException e) {
            return "unknown";
        }
    }

    private static String git() {
        try {
            Process p = new ProcessBuilder("git", "describe", "--always", "--dirty").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "unknown";
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }
}
