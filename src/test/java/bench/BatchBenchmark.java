package bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The rerunnable batch benchmark of issue 4 (see docs/batch-benchmark.md). A hub runs in a child JVM on the local
 * services (profile {@code local}), so that its CPU time and memory are its own; the fake LLM ({@link FakeLlm} on loopback,
 * in this JVM) answers every chat call PASS after a fixed latency. One warm-up batch, then one measured batch of
 * BENCH_ITEMS articles through {@code POST /api/v1/batches} (the same submit-batch route as the queue). Measures:
 * jobs per second, the hub's CPU per job (its own work, LLM waits excluded by construction), the wall time of each
 * job outside the LLM-bound evaluation step, LLM calls and jobs in flight against the configured bounds, peak heap
 * and peak RSS. Run with {@code scripts/bench-batch.sh}; not part of {@code ./mvnw verify}.
 *
 * <p>Settings (environment): BENCH_ITEMS (1000), BENCH_LLM_LATENCY_MS (2000), BENCH_PARALLELISM (64: guideline
 * evaluations, hence LLM calls, in flight), BENCH_WORKERS (16: jobs evaluated at once), BENCH_HEAP (512m),
 * BENCH_OUT (docs/batch-benchmark.md, "-" for none).
 */
public final class BatchBenchmark {

    static final String SCHEMA = "compliance_hub_batch_bench";
    static final String DB_URL = "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + SCHEMA;
    static final ObjectMapper JSON = new ObjectMapper();

    final int items = GtcBenchmark.env("BENCH_ITEMS", 1000);
    final int latencyMs = GtcBenchmark.env("BENCH_LLM_LATENCY_MS", 2000);
    final int parallelism = GtcBenchmark.env("BENCH_PARALLELISM", 64);
    final int workers = GtcBenchmark.env("BENCH_WORKERS", 16);
    final String heap = System.getenv().getOrDefault("BENCH_HEAP", "512m");
    final String out = System.getenv().getOrDefault("BENCH_OUT", "docs/batch-benchmark.md");

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final String loadBefore = Report.loadAverage();
    FakeLlm llm;
    HubProcess hub;

    public static void main(String[] args) {
        int status = 0;
        try {
            new BatchBenchmark().run();
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    void run() throws Exception {
        dropSchema(DB_URL, SCHEMA);
        llm = new FakeLlm(latencyMs);
        try {
            hub = HubProcess.start(heap, Path.of("target", "batch-bench-hub.log"), List.of(
                    "--spring.datasource.url=" + DB_URL,
                    "--spring.flyway.schemas=" + SCHEMA,
                    "--hub.instance-id=batch-bench",
                    "--hub.region=bench",
                    "--hub.data-dir=target/batch-bench",
                    "--hub.llm.enabled=true",
                    "--hub.llm.url=" + llm.url(),
                    "--hub.worker.concurrency=" + workers,
                    "--hub.evaluation.parallelism=" + parallelism,
                    "--hub.batch.max-items=" + Math.max(1000, items)));
            log("hub pid %d on port %d; fake LLM %d ms at %s", hub.pid(), hub.port, latencyMs, llm.url());
            Run warmUp = batch("bench-warmup-" + System.currentTimeMillis(), Math.min(50, items));
            log("warm-up: %d jobs in %.1f s", warmUp.jobs, warmUp.seconds);
            Run measured = batch("bench-" + System.currentTimeMillis(), items);
            String markdown = markdown(warmUp, measured);
            System.out.println(markdown);
            if (!"-".equals(out)) {
                Files.writeString(Path.of(out), markdown);
                log("wrote %s", out);
            }
        } finally {
            if (hub != null) {
                hub.close();
            }
            llm.close();
        }
    }

    /** A result of one batch. */
    static final class Run {
        int jobs;
        double seconds;
        double cpuSeconds;
        long llmCalls;
        int llmInFlightMax;
        double llmInFlightMean;
        int runningJobsMax;
        double runningJobsMean;
        long heapPeakBytes;
        long rssPeakKb;
        Samples jobWall = new Samples();
        Samples outsideEvaluation = new Samples();
        Samples evaluation = new Samples();
        String failed;
    }

    Run batch(String batchId, int count) throws Exception {
        ObjectNode batch = JSON.createObjectNode().put("batchId", batchId).put("submitter", "bench");
        ArrayNode list = batch.putArray("items");
        for (int i = 0; i < count; i++) {
            ObjectNode item = list.addObject().put("externalRef", "article-" + i).put("guidelineSet", "default");
            item.putObject("article").put("title", "Savings update " + i).put("text", article(i));
        }
        Run run = new Run();
        run.jobs = count;
        long cpuBefore = hub.cpuTicks();
        long callsBefore = llm.calls.get();
        llm.inFlightMax.set(0);
        long started = System.nanoTime();
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(hub.uri("/api/v1/batches"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + HubProcess.token())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(batch))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("batch not accepted: " + accepted.statusCode() + " " + accepted.body());
        }
        String id = JSON.readTree(accepted.body()).path("id").asText();
        long samples = 0;
        long llmSum = 0;
        long runningSum = 0;
        long nextHeapSample = 0;
        try (Connection db = DriverManager.getConnection(DB_URL, "postgres", "")) {
            while (true) {
                Thread.sleep(250);
                int running = scalar(db, "SELECT count(*) FROM jobs WHERE batch_id = '" + id + "' AND status = 'RUNNING'");
                samples++;
                runningSum += running;
                llmSum += llm.inFlight.get();
                run.runningJobsMax = Math.max(run.runningJobsMax, running);
                if (System.nanoTime() > nextHeapSample) {
                    run.heapPeakBytes = Math.max(run.heapPeakBytes, hub.heapUsed());
                    nextHeapSample = System.nanoTime() + 1_000_000_000L;
                }
                if (scalar(db, "SELECT count(*) FROM batches WHERE id = '" + id + "' AND completed_at IS NOT NULL") == 1) {
                    break;
                }
                if (System.nanoTime() - started > Duration.ofHours(1).toNanos()) {
                    throw new IllegalStateException("batch " + id + " did not complete within an hour");
                }
            }
            run.seconds = (System.nanoTime() - started) / 1e9;
            run.cpuSeconds = (hub.cpuTicks() - cpuBefore) / 100.0;
            run.llmCalls = llm.calls.get() - callsBefore;
            run.llmInFlightMax = llm.inFlightMax.get();
            run.llmInFlightMean = (double) llmSum / samples;
            run.runningJobsMean = (double) runningSum / samples;
            run.rssPeakKb = hub.rssPeakKb();
            try (Statement s = db.createStatement();
                 ResultSet r = s.executeQuery("SELECT EXTRACT(EPOCH FROM (j.completed_at - j.started_at)) * 1000, "
                         + "CAST(r.report -> 'timingsMs' ->> 'evaluate' AS bigint), j.status "
                         + "FROM jobs j LEFT JOIN reports r ON r.job_id = j.id WHERE j.batch_id = '" + id + "'")) {
                int failed = 0;
                while (r.next()) {
                    if (!"COMPLETED".equals(r.getString(3))) {
                        failed++;
                        continue;
                    }
                    long wall = (long) r.getDouble(1);
                    long evaluate = r.getLong(2);
                    run.jobWall.add(wall * 1_000_000);
                    run.evaluation.add(evaluate * 1_000_000);
                    run.outsideEvaluation.add(Math.max(0, wall - evaluate) * 1_000_000);
                }
                run.failed = failed == 0 ? "none" : failed + " job(s) not COMPLETED";
            }
        }
        return run;
    }

    /** A clean article of about 250 words: no rule fires, so every guideline with an instruction asks the LLM. */
    static String article(int i) {
        StringBuilder text = new StringBuilder("# Our savings account, update " + i + "\n\n");
        for (int p = 0; p < 5; p++) {
            text.append("The account pays a variable interest rate that can go down as well as up. You can withdraw ")
                    .append("your money at any time without a charge. The current rate and the conditions are in ")
                    .append("the General Terms and Conditions, which we recommend you read before you open an ")
                    .append("account. Deposits are protected by the national deposit guarantee scheme up to its ")
                    .append("statutory limit. Paragraph ").append(p).append(".\n\n");
        }
        return text.toString();
    }

    static int scalar(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }

    static void dropSchema(String url, String schema) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    // ---------------------------------------------------------------- the report

    String markdown(Run warmUp, Run run) {
        int cores = Runtime.getRuntime().availableProcessors();
        double callsPerJob = (double) run.llmCalls / run.jobs;
        double jobsPerSecond = run.jobs / run.seconds;
        double cpuMsPerJob = run.cpuSeconds * 1000 / run.jobs;
        double llmBound = parallelism * 1000.0 / latencyMs / callsPerJob;
        double cpuBound = cores * 1000.0 / cpuMsPerJob;
        StringBuilder md = new StringBuilder();
        md.append("# Batch benchmark\n\n")
                .append("Generated by `scripts/bench-batch.sh` (class `bench.BatchBenchmark`) on ")
                .append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(", ")
                .append(cores).append(" cores, load average before: ").append(loadBefore).append(", after: ")
                .append(Report.loadAverage())
                .append(". Rerun it to refresh this page; the settings are environment variables (see the class).\n\n")
                .append("A hub in its own JVM (`-Xmx").append(heap).append("`, profile `local`: PostgreSQL, Redis, Azurite on ")
                .append("loopback) evaluates one batch of **").append(run.jobs).append(" articles** submitted with ")
                .append("`POST /api/v1/batches` (the route the queue uses too) against the shipped `default` guideline ")
                .append("set. The fake LLM (a JDK HTTP server on loopback, `bench.FakeLlm`) answers every call PASS after **").append(latencyMs)
                .append(" ms**. Bounds: `hub.worker.concurrency=").append(workers).append("` jobs evaluated at once, ")
                .append("`hub.evaluation.parallelism=").append(parallelism).append("` guideline evaluations (LLM calls) ")
                .append("in flight. A warm-up batch of ").append(warmUp.jobs).append(" jobs ran first (")
                .append(fmt(warmUp.seconds)).append(" s).\n\n");
        md.append("| Measure | Value |\n|---|---|\n");
        row(md, "Jobs completed / failed", run.jobs + " / " + run.failed);
        row(md, "Wall time of the batch (submit to completed)", fmt(run.seconds) + " s");
        row(md, "**Jobs per second**", "**" + fmt(jobsPerSecond) + "**");
        row(md, "LLM calls per job", fmt(callsPerJob));
        row(md, "**Hub CPU per job** (user + system of the hub process; LLM waits cost none)", "**" + fmt(cpuMsPerJob) + " ms**");
        row(md, "Hub CPU utilisation during the batch", fmt(100 * run.cpuSeconds / run.seconds / cores) + " % of " + cores + " cores");
        row(md, "Job wall time outside the LLM-bound evaluation step, p50 / p95 (load article, GTC, report, persist)",
                fmt(run.outsideEvaluation.percentileMs(0.5)) + " / " + fmt(run.outsideEvaluation.percentileMs(0.95)) + " ms");
        row(md, "Evaluation step (guidelines incl. LLM waits), p50 / p95",
                fmt(run.evaluation.percentileMs(0.5)) + " / " + fmt(run.evaluation.percentileMs(0.95)) + " ms");
        row(md, "Job wall time (claimed to completed), p50 / p95",
                fmt(run.jobWall.percentileMs(0.5)) + " / " + fmt(run.jobWall.percentileMs(0.95)) + " ms");
        row(md, "**LLM calls in flight**, max / mean (bound " + parallelism + ")",
                "**" + run.llmInFlightMax + "** / " + fmt(run.llmInFlightMean));
        row(md, "**Jobs RUNNING**, max / mean (bound " + workers + ")",
                "**" + run.runningJobsMax + "** / " + fmt(run.runningJobsMean));
        row(md, "**Peak heap used** (sampled each second from /actuator/prometheus)", "**" + (run.heapPeakBytes >> 20) + " MiB**");
        row(md, "Peak RSS of the hub process (VmHWM)", (run.rssPeakKb >> 10) + " MiB");
        md.append("\n## What limits one instance\n\n")
                .append(String.format(Locale.ROOT, "- **The LLM bound:** at most %d calls in flight of %d ms each, "
                        + "%.1f calls per job: at most %.1f jobs/s, whatever the hub's speed. Measured: %.1f jobs/s "
                        + "(%.0f %% of that bound).%n", parallelism, latencyMs, callsPerJob, llmBound, jobsPerSecond,
                        100 * jobsPerSecond / llmBound))
                .append(String.format(Locale.ROOT, "- **The CPU bound:** %.1f ms of hub CPU per job on %d cores: "
                        + "at most %.0f jobs/s if the LLM answered instantly.%n", cpuMsPerJob, cores, cpuBound))
                .append(String.format(Locale.ROOT, "- **The seed's volume:** 50,000 articles a day is 0.58 jobs/s on "
                        + "average; at this configuration one instance sustains %.0f× that, %,.0f jobs a day. The "
                        + "seed's 30–40 concurrent checks are within the bound of %d LLM calls in flight.%n",
                        jobsPerSecond / 0.58, jobsPerSecond * 86_400, parallelism))
                .append("- Raising `hub.evaluation.parallelism` raises the LLM bound until the CPU bound or the LLM ")
                .append("gateway's own rate limit is reached; `hub.worker.concurrency` must stay high enough to keep ")
                .append("that many guideline evaluations fed (each job has ").append(fmt(callsPerJob))
                .append(" of them). `camel.component.http.connections-per-route` caps the calls to one LLM host and ")
                .append("is set from the same parallelism.\n");
        return md.toString();
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.1f", v);
    }

    private static void log(String format, Object... args) {
        System.out.printf("[batch-bench] " + format + "%n", args);
    }
}
