package bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The API load benchmark of issue 8 (docs/performance.md). A hub runs in its own JVM on the local services (profile
 * {@code local}: PostgreSQL, Redis, Azurite on loopback) with two extra routes, the floors (test resources
 * {@code bench-routes/}): a constant answer, and one durable PostgreSQL INSERT per request. wrk (Debian package)
 * drives every endpoint at 16 and 64 connections; each figure is reported beside its floor from the same run, as a
 * ratio, because absolute figures drift on shared machines. A fake LLM on loopback answers at once while the
 * result fixtures are prepared (that phase also gives the hub's own time per job) and after BENCH_LLM_LATENCY_MS
 * (20 s) during the load. Every submission is a new article (its title and every paragraph are numbered), so no
 * job is answered from the unit cache; the API phase runs the default worker and guideline bounds, so the slow LLM keeps the evaluation
 * of the submitted jobs to a trickle and the figures are those of the API path. The in-flight phase then
 * starts a second hub with BENCH_WORKERS jobs evaluated at once, submits BENCH_INFLIGHT_JOBS jobs as one batch (so
 * all are queued at once) and follows them to the end: how many ran at once, threads, errors.
 *
 * <p>Settings (environment): BENCH_REPEATS (3: runs of every figure, reported as medians), BENCH_DURATION_S (15),
 * BENCH_WARMUP_S (10), BENCH_HUB_WARMUP_S (10), BENCH_JIT_SETTLE_S (300), BENCH_LLM_LATENCY_MS (20000), BENCH_WORKERS (1000),
 * BENCH_PARALLELISM (1024: guideline evaluations in flight in the in-flight phase), BENCH_INFLIGHT_JOBS (1000),
 * BENCH_HEAP (1g), BENCH_TOKEN (the bearer token; by default one minted with the tests' HS256 secret, which the
 * hub is started with), BENCH_OUT (docs/performance.md, "-" for none). The per-caller rate limit is raised out of
 * the way, as all requests come from one caller. Run with {@code scripts/bench-load.sh}.
 */
public final class LoadBenchmark {

    static final String SCHEMA = "compliance_hub_load_bench";
    static final String DB_URL = "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + SCHEMA;
    static final ObjectMapper JSON = new ObjectMapper();
    /** Client connections of the API turns, BENCH_CONNECTIONS (comma-separated; 16,64). */
    static final int[] CONNECTIONS = java.util.Arrays.stream(System.getenv().getOrDefault("BENCH_CONNECTIONS", "16,64")
            .split(",")).filter(c -> !c.isBlank() && !c.trim().equals("none")).mapToInt(c -> Integer.parseInt(c.trim()))
            .toArray();
    /**
     * The hub's floors (test resources bench-routes/): under /api/ like the API, so that they pass every filter an API
     * call passes (the rate limit and body size, header screening and readiness filters serve /api/** only, and only
     * API calls are audited). The bare floors answer at /bench/floor/.
     */
    static final String HUB_FLOOR = "/api/bench/floor";
    /** The bare floors' jar (bench/bare, packaged by scripts/bench-load.sh). */
    static final Path BARE_JAR = Path.of("bench", "bare", "target", "bare-floor.jar");

    final int durationS = GtcBenchmark.env("BENCH_DURATION_S", 15);
    /** Seconds of the same load before each measured run, so every path is measured compiled by the JIT. */
    final int warmUpS = GtcBenchmark.env("BENCH_WARMUP_S", 10);
    /** Seconds of load on each path when a turn's hub has started (see warmUpHub). */
    final int hubWarmUpS = GtcBenchmark.env("BENCH_HUB_WARMUP_S", 10);
    /** The longest wait for the JIT to catch up after a warm-up (see settleJit). */
    final int jitSettleLimitS = GtcBenchmark.env("BENCH_JIT_SETTLE_S", 300);
    /** Seconds waited for the hub's audit log to drain before each measured run. */
    final List<Double> auditWaits = new ArrayList<>();
    /** Seconds waited for the JIT after each warm-up. */
    final List<Double> jitWaits = new ArrayList<>();
    /** Jobs completed, and not counted, before the hub's own time per job is measured. */
    final int jobWarmUp = GtcBenchmark.env("BENCH_JOB_WARMUP", 100);
    /** Runs of every figure, floors included, one after the other; the page shows their medians. */
    final int repeats = GtcBenchmark.env("BENCH_REPEATS", 3);
    final int llmLatencyMs = GtcBenchmark.env("BENCH_LLM_LATENCY_MS", 20_000);
    final int workers = GtcBenchmark.env("BENCH_WORKERS", 1000);
    final int parallelism = GtcBenchmark.env("BENCH_PARALLELISM", 1024);
    final int inFlightJobs = GtcBenchmark.env("BENCH_INFLIGHT_JOBS", 1000);
    /**
     * BENCH_JFR=1: a JFR recording (settings=profile) of every measured run and of the measured jobs one at a time
     * (per-job.jfr), in target/load-bench/. BENCH_JFR_EVENTS: more event settings for it, space-separated (on Java 25,
     * {@code jdk.CPUTimeSample#enabled=true jdk.CPUTimeSample#throttle=2ms} samples by CPU time, GC threads aside).
     */
    final boolean jfr = "1".equals(System.getenv("BENCH_JFR"));
    final List<String> jfrEvents = List.of(System.getenv().getOrDefault("BENCH_JFR_EVENTS", "").trim().split("\\s+"))
            .stream().filter(e -> !e.isEmpty()).toList();
    final String heap = System.getenv().getOrDefault("BENCH_HEAP", "1g");
    final String token = System.getenv().getOrDefault("BENCH_TOKEN", HubProcess.token());
    final String out = System.getenv().getOrDefault("BENCH_OUT", "docs/performance.md");
    final String loadBefore = Report.loadAverage();
    /** Names this run in every article it submits: the unit cache (Redis) keeps the verdicts of earlier runs. */
    static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    final Path work = Path.of("target", "load-bench");
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    FakeLlm llm;
    HubProcess hub;
    /** The bare floors' app of the turn, beside the hub (issue 25). */
    HubProcess bare;
    /** Every run of each figure ("name @clients"), one per repeat. */
    final Map<String, List<WrkResult>> results = new LinkedHashMap<>();
    /** CPU per request split by filter per profiled path ("bare @16", "hub @16", "cached @16"), one per turn. */
    final Map<String, List<Map<String, Double>>> filterProfiles = new LinkedHashMap<>();
    /** The CPU samples each of those profiles holds. */
    final List<Long> filterProfileSamples = new ArrayList<>();
    /** Claim to completion, one job at a time, with the fake LLM answering at once. */
    final Samples claimToCompletion = new Samples();
    /** The same minus the job's longest LLM call (its guidelines' calls run in parallel): the hub's own time. */
    final Samples ownTime = new Samples();
    double cpuMsPerJob;
    int runningMax;
    int threadsMax;
    long failedJobs;
    long completedJobs;
    double inFlightSeconds;
    double cpuSeconds;
    long rssPeakKb;
    long bareRssPeakKb;
    /** The hubs' JVM (BENCH_JAVA_HOME or the benchmark's own), as its release file names it. */
    final String hubJavaVersion = javaVersion();
    long heapPeakBytes;
    int submittedIds;

    public static void main(String[] args) {
        int status = 0;
        try {
            new LoadBenchmark().run();
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    void run() throws Exception {
        Files.createDirectories(work);
        BatchBenchmark.dropSchema(DB_URL, SCHEMA);
        llm = new FakeLlm(0);
        try {
            hub = startHub("api", List.of());
            log("hub pid %d on port %d", hub.pid(), hub.port);
            try (Connection db = DriverManager.getConnection(DB_URL, "postgres", ""); Statement s = db.createStatement()) {
                s.execute("CREATE TABLE bench_floor (id bigserial PRIMARY KEY, body text NOT NULL, "
                        + "created_at timestamptz NOT NULL DEFAULT now())");
            }
            Path body = work.resolve("submission.json");
            // Every request of the load submits a new article (post.lua numbers the title and every paragraph): one
            // the hub has judged before would be answered from the unit cache, and its job would not wait on the LLM.
            Files.writeString(body, submission("Savings update {n}"));
            List<String> completed = prepareCompletedJobs(GtcBenchmark.env("BENCH_FIXTURE_JOBS", 200));
            Path resultIds = work.resolve("completed-ids.txt");
            Files.write(resultIds, completed);
            llm.latencyMs.set(llmLatencyMs);
            rssPeakKb = hub.rssPeakKb();
            hub.close();

            for (int c : CONNECTIONS) {
              for (int repeat = 0; repeat < repeats; repeat++) {
                // A fresh hub per turn: the jobs a turn submits wait on the in-memory queue behind the slow fake LLM,
                // and the next turn would start with their backlog.
                hub = startHub("api-" + c + "-" + (repeat + 1), List.of());
                bare = HubProcess.startBare(heap, BARE_JAR, work.resolve("bare-" + c + "-" + (repeat + 1) + ".log"), DB_URL);
                warmUpHub(c, body, resultIds);
                long cpuBefore = hub.cpuTicks();
                // The bare floors: the same Boot and Camel with nothing of the hub's (bench/bare). The bearer token is
                // sent to them too (and ignored), so the requests are the same bytes.
                measure("Bare floor: constant", bare, c, "/bench/floor/constant", "get.lua", token);
                measure("Bare floor: durable INSERT", bare, c, "/bench/floor/insert", "post.lua", body.toString(), token);
                // The hub's floors, with the bearer token like every API call: the hub's whole filter chain.
                measure("Hub floor: constant", c, HUB_FLOOR + "/constant", "get.lua", token);
                measure("Hub floor: durable INSERT", c, HUB_FLOOR + "/insert", "post.lua", body.toString(), token);
                measure("POST /api/v1/jobs", c, "/api/v1/jobs", "post.lua", body.toString(), token);
                warmStatusCache(completed);
                measure("GET /api/v1/jobs/{id} (cached)", c, "/", "get-ids.lua", resultIds.toString(),
                        "/api/v1/jobs/{id}", token);
                Path submitted = submittedIds();
                measure("GET /api/v1/jobs/{id} (uncached)", c, "/", "get-ids.lua", submitted.toString(),
                        "/api/v1/jobs/{id}", token);
                measure("GET /api/v1/jobs/{id}/result", c, "/", "get-ids.lua", resultIds.toString(),
                        "/api/v1/jobs/{id}/result", token);
                cpuSeconds += (hub.cpuTicks() - cpuBefore) / 100.0;
                profileFilterChain("bare", bare, c, repeat + 1, "/bench/floor/constant", "get.lua", token);
                profileFilterChain("hub", hub, c, repeat + 1, HUB_FLOOR + "/constant", "get.lua", token);
                warmStatusCache(completed);
                profileFilterChain("cached", hub, c, repeat + 1, "/", "get-ids.lua", resultIds.toString(),
                        "/api/v1/jobs/{id}", token);
                rssPeakKb = Math.max(rssPeakKb, hub.rssPeakKb());
                bareRssPeakKb = Math.max(bareRssPeakKb, bare.rssPeakKb());
                hub.close();
                hub = null;
                bare.close();
                bare = null;
                dropQueuedJobs();
              }
            }
            if (inFlightJobs > 0) {
                inFlight();
            }
        } finally {
            if (hub != null) {
                hub.close();
            }
            if (bare != null) {
                bare.close();
            }
            llm.close();
        }
        String markdown = markdown();
        System.out.println(markdown);
        if (!"-".equals(out)) {
            Files.writeString(Path.of(out), markdown);
            log("wrote %s", out);
        }
    }

    /** The turn's submissions, still queued: a new hub's start-up recovery would queue them all again. */
    void dropQueuedJobs() throws Exception {
        try (Connection db = DriverManager.getConnection(DB_URL, "postgres", ""); Statement s = db.createStatement()) {
            log("dropped %d queued jobs of the turn", s.executeUpdate("DELETE FROM jobs WHERE status = 'QUEUED'"));
        }
    }

    HubProcess startHub(String name, List<String> extra) throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + DB_URL,
                "--spring.flyway.schemas=" + SCHEMA,
                "--camel.main.routes-include-pattern=classpath:camel/**/*.camel.yaml,classpath:bench-routes/*.camel.yaml",
                "--hub.instance-id=load-bench-" + name,
                "--hub.region=bench",
                "--hub.data-dir=" + work.resolve("data"),
                "--hub.llm.enabled=true",
                "--hub.llm.url=" + llm.url(),
                "--hub.queue.capacity=500000",
                "--hub.recovery.requeue-after-seconds=3600",
                // The load's LLM calls wait for a pooled connection as long as a turn lasts (the hub's default is 15
                // minutes since issue 25's fourth round). With Camel's default (3 minutes) the calls queued behind the
                // 20 s fake LLM began to fail a few minutes into a turn, the breaker opened, and the queued jobs ran to
                // completion (ERROR verdicts) at the CPU's full speed beside the turn's later runs.
                "--camel.component.http.connection-request-timeout=3600000"));
        args.addAll(extra);
        // BENCH_HUB_ARGS: more Spring arguments for the hub, space-separated (an A/B of one setting).
        String more = System.getenv().getOrDefault("BENCH_HUB_ARGS", "").trim();
        if (!more.isEmpty()) {
            args.addAll(List.of(more.split("\\s+")));
        }
        return HubProcess.start(heap, work.resolve("hub-" + name + ".log"), args);
    }

    /**
     * A submission whose every paragraph names its title: the unit cache (issue 16) judges paragraphs, so an article
     * that differed only in its title would have every other paragraph answered from it, and its job would run
     * without waiting on the LLM (in the API phase, beside the measured requests, at the full speed of the CPU).
     */
    static String submission(String title) {
        String text = BatchBenchmark.article(1).replaceAll("Paragraph (\\d+)\\.", "Paragraph $1 of " + title + ".");
        return "{\"guidelineSet\": \"default\", \"article\": {\"title\": " + quoted(title) + ", \"format\": \"markdown\", "
                + "\"language\": \"en\", \"text\": " + quoted(text) + "}}";
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Jobs completed with an instant LLM: fixtures for the result reads, and the hub's own time per job. */
    List<String> prepareCompletedJobs(int count) throws Exception {
        // The first jobs run interpreted code: they are done, and not counted, before the measured ones.
        completeOneByOne(jobWarmUp);
        settleJit();
        long cpuBefore = hub.cpuTicks();
        if (jfr) {
            hub.jcmd(jfrStart("jobs", work.resolve("per-job.jfr").toAbsolutePath().toString()));
        }
        List<String> ids = completeOneByOne(count);
        if (jfr) {
            hub.jcmd("JFR.stop", "name=jobs");
        }
        // The hub's CPU per job: the submission call, the worker, the fake LLM's answers parsed; polled from outside.
        cpuMsPerJob = (hub.cpuTicks() - cpuBefore) * 10.0 / count;
        try (Connection db = DriverManager.getConnection(DB_URL, "postgres", "")) {
            try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("""
                    SELECT EXTRACT(EPOCH FROM (j.completed_at - j.started_at)) * 1e9,
                           COALESCE((SELECT max(CAST(g -> 'llm' ->> 'latencyMs' AS numeric))
                                       FROM json_array_elements(r.report -> 'guidelines') g), 0) * 1e6
                      FROM jobs j JOIN reports r ON r.job_id = j.id
                     WHERE j.status = 'COMPLETED' AND CAST(j.id AS text) IN (SELECT unnest(string_to_array('"""
                    + String.join(",", ids) + "', ','))) ")) {
                while (r.next()) {
                    long total = (long) r.getDouble(1);
                    claimToCompletion.add(total);
                    ownTime.add(total - (long) r.getDouble(2));
                }
            }
        }
        log("%d fixture jobs completed after %d to warm up; claim to completion p50 %.1f ms, own time p50 %.1f ms, "
                + "CPU %.1f ms per job", ids.size(), jobWarmUp, claimToCompletion.percentileMs(0.5),
                ownTime.percentileMs(0.5), cpuMsPerJob);
        return ids;
    }

    /** Submits {@code count} jobs, each after the one before completed: claim to completion is then the hub's own. */
    List<String> completeOneByOne(int count) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(hub.uri("/api/v1/jobs"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(submission("Savings update " + i + " of " + count + " (" + RUN + ")"))));
            if (r.statusCode() != 202) {
                throw new IllegalStateException("submission refused: " + r.statusCode() + " " + r.body());
            }
            String jobId = JSON.readTree(r.body()).path("jobId").asText();
            ids.add(jobId);
            // One job at a time: its time from claim to completion is then the hub's own, not a queue's.
            try (Connection db = DriverManager.getConnection(DB_URL, "postgres", "")) {
                while (BatchBenchmark.scalar(db, "SELECT count(*) FROM jobs WHERE id = '" + jobId
                        + "' AND status IN ('QUEUED', 'RUNNING')") > 0) {
                    Thread.sleep(5);
                }
            }
        }
        return ids;
    }

    void warmStatusCache(List<String> ids) throws Exception {
        for (String id : ids) {
            send(HttpRequest.newBuilder(hub.uri("/api/v1/jobs/" + id)).GET());
        }
    }

    /** Every job id submitted so far, oldest first: most of them are past the 30 s status cache. */
    Path submittedIds() throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(DB_URL, "postgres", "");
             Statement s = db.createStatement();
             ResultSet r = s.executeQuery("SELECT CAST(id AS text) FROM jobs "
                     + "WHERE created_at < now() - interval '31 seconds' ORDER BY created_at")) {
            while (r.next()) {
                ids.add(r.getString(1));
            }
        }
        submittedIds = Math.max(submittedIds, ids.size());
        Path file = work.resolve("submitted-ids.txt");
        Files.write(file, ids.isEmpty() ? List.of("00000000-0000-0000-0000-000000000000") : ids);
        return file;
    }

    /**
     * Every path of the turn in turn, before any is measured: the paths share most of the stack (Tomcat, Spring
     * Security, Camel), and a fresh hub's JIT compiles it for minutes; measured cold, the first figures of a turn
     * (the floors) came out at half their later rate.
     */
    void warmUpHub(int connections, Path body, Path resultIds) throws Exception {
        wrk("warm-up", bare, connections, hubWarmUpS, "/bench/floor/constant", "get.lua", token);
        wrk("warm-up", bare, connections, hubWarmUpS, "/bench/floor/insert", "post.lua", body.toString(), token);
        wrk("warm-up", connections, hubWarmUpS, HUB_FLOOR + "/constant", "get.lua", token);
        wrk("warm-up", connections, hubWarmUpS, HUB_FLOOR + "/insert", "post.lua", body.toString(), token);
        wrk("warm-up", connections, hubWarmUpS, "/api/v1/jobs", "post.lua", body.toString(), token);
        wrk("warm-up", connections, hubWarmUpS, "/", "get-ids.lua", resultIds.toString(), "/api/v1/jobs/{id}", token);
        wrk("warm-up", connections, hubWarmUpS, "/", "get-ids.lua", resultIds.toString(),
                "/api/v1/jobs/{id}/result", token);
        settleJit();
        log("JIT of the bare floors settled after %.0f s", bare.awaitJitSettled(Duration.ofSeconds(jitSettleLimitS)));
    }

    /** Lets the JIT's optimizing compiler catch up, idle, before anything is measured (HubProcess.awaitJitSettled). */
    void settleJit() throws Exception {
        int queued = hub.c2Queue();
        double waited = hub.awaitJitSettled(Duration.ofSeconds(jitSettleLimitS));
        jitWaits.add(waited);
        log("JIT: %d methods queued for C2, settled after %.0f s", queued, waited);
    }

    void measure(String name, int connections, String path, String script, String... args) throws Exception {
        measure(name, hub, connections, path, script, args);
    }

    /** One measured run on {@code server}, after its warm-up, with the server's CPU time per request (from /proc). */
    void measure(String name, HubProcess server, int connections, String path, String script, String... args)
            throws Exception {
        // An uncached read warmed up would be cached: it runs after the cached reads, which take the same path.
        if (!name.contains("(uncached)")) {
            wrk("warm-up", server, connections, warmUpS, path, script, args);
        }
        String recording = jfr ? work.resolve(name.replaceAll("[^A-Za-z0-9]+", "-") + "-c" + connections + "-"
                + (results.getOrDefault(name + " @" + connections, List.of()).size() + 1) + ".jfr").toAbsolutePath().toString() : null;
        awaitAuditDrained(name);
        if (recording != null) {
            server.jcmd(jfrStart("bench", recording));
        }
        long cpuBefore = server.cpuTicks();
        WrkResult result = wrk(name, server, connections, durationS, path, script, args)
                .withCpu((server.cpuTicks() - cpuBefore) * 10.0);
        if (recording != null) {
            server.jcmd("JFR.stop", "name=bench");
            log("profile of %s: %s", name, recording);
        }
        results.computeIfAbsent(name + " @" + connections, k -> new ArrayList<>()).add(result);
        log("%-36s c=%-3d %8.0f req/s  p50 %7.2f ms  p99 %7.2f ms  non-2xx %d  CPU %.3f ms/request", name, connections,
                result.requestsPerSecond, result.p50Ms, result.p99Ms, result.non2xx, result.cpuMsPerRequest());
    }

    /** Lets the turn's hub append the audit records of the runs before (the bare floors' runs included). */
    void awaitAuditDrained(String name) throws Exception {
        double waited = hub.awaitAuditDrained(Duration.ofSeconds(60));
        auditWaits.add(waited);
        if (waited >= 1) {
            log("waited %.0f s for the hub's audit records before %s", waited, name);
        }
    }

    /**
     * A run of a path on {@code server} with a JFR recording of CPU samples, after the turn's measured runs (the sampling
     * costs CPU, so no measured figure comes from it), split by filter (FilterChainProfile).
     */
    void profileFilterChain(String name, HubProcess server, int connections, int turn, String path, String script,
                            String... args) throws Exception {
        awaitAuditDrained("the profile of " + name);
        Path recording = work.resolve("filter-chain-" + name + "-c" + connections + "-" + turn + ".jfr").toAbsolutePath();
        List<String> start = new ArrayList<>(List.of("JFR.start", "name=filters", "filename=" + recording));
        start.addAll(FilterChainProfile.recordingSettings(hubJavaVersion));
        server.startDeepRecording(start);
        long cpuBefore = server.cpuTicks();
        WrkResult run = wrk("filter profile", server, connections, durationS, path, script, args)
                .withCpu((server.cpuTicks() - cpuBefore) * 10.0);
        server.jcmd("JFR.stop", "name=filters");
        FilterChainProfile profile = FilterChainProfile.read(recording);
        filterProfiles.computeIfAbsent(name + " @" + connections, k -> new ArrayList<>())
                .add(profile.msPerRequest(run.cpuMsPerRequest()));
        filterProfileSamples.add(profile.total());
        log("filter profile of %s: %d samples, %.3f ms/request while profiled (%s)", name, profile.total(),
                run.cpuMsPerRequest(), recording);
    }

    WrkResult wrk(String name, int connections, int seconds, String path, String script, String... args)
            throws Exception {
        return wrk(name, hub, connections, seconds, path, script, args);
    }

    WrkResult wrk(String name, HubProcess server, int connections, int seconds, String path, String script,
                  String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s",
                "--latency", "--timeout", "10s"));
        if (script != null) {
            command.addAll(List.of("-s", Path.of("src/test/resources/bench/wrk", script).toString()));
        }
        command.add("http://127.0.0.1:" + server.port + path);
        if (args.length > 0) {
            command.add("--");
            command.addAll(List.of(args));
        }
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(wrk.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.append(line).append('\n');
            }
        }
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed for " + name + ":\n" + output);
        }
        return WrkResult.parse(output.toString());
    }

    /**
     * A second hub with BENCH_WORKERS jobs evaluated at once: BENCH_INFLIGHT_JOBS jobs, each waiting
     * BENCH_LLM_LATENCY_MS per LLM call, followed until every one has ended.
     */
    void inFlight() throws Exception {
        try (Connection db = DriverManager.getConnection(DB_URL, "postgres", ""); Statement s = db.createStatement()) {
            s.execute("DELETE FROM reports");
            s.execute("DELETE FROM jobs");
        }
        hub = startHub("inflight", List.of("--hub.worker.concurrency=" + workers,
                "--hub.evaluation.parallelism=" + parallelism));
        long started = System.nanoTime();
        // One batch: every job is stored and queued at once, so the workers can all take one.
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < inFlightJobs; i++) {
            items.append(i == 0 ? "" : ",").append("{\"externalRef\": \"inflight-").append(i).append("\", ")
                    .append(submission("Savings update in flight " + i + " (" + RUN + ")").substring(1));
        }
        HttpResponse<String> accepted = send(HttpRequest.newBuilder(hub.uri("/api/v1/batches"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"batchId\": \"inflight-" + System.currentTimeMillis() + "\", \"submitter\": \"bench\", "
                                + "\"items\": [" + items + "]}")));
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("batch refused: " + accepted.statusCode() + " " + accepted.body());
        }
        try (Connection db = DriverManager.getConnection(DB_URL, "postgres", "")) {
            long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
            while (BatchBenchmark.scalar(db, "SELECT count(*) FROM jobs WHERE status IN ('QUEUED', 'RUNNING')") > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the in-flight jobs did not end in 15 minutes");
                }
                runningMax = Math.max(runningMax, BatchBenchmark.scalar(db, "SELECT count(*) FROM jobs WHERE status = 'RUNNING'"));
                threadsMax = Math.max(threadsMax, hub.liveThreads());
                heapPeakBytes = Math.max(heapPeakBytes, hub.heapUsed());
                Thread.sleep(500);
            }
            inFlightSeconds = (System.nanoTime() - started) / 1e9;
            failedJobs = BatchBenchmark.scalar(db, "SELECT count(*) FROM jobs WHERE status = 'FAILED'");
            completedJobs = BatchBenchmark.scalar(db, "SELECT count(*) FROM jobs WHERE status = 'COMPLETED'");
        }
        rssPeakKb = Math.max(rssPeakKb, hub.rssPeakKb());
        log("in flight: max %d jobs RUNNING, %d live threads, %d completed, %d failed in %.0f s", runningMax, threadsMax,
                completedJobs, failedJobs, inFlightSeconds);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        if (!token.isEmpty()) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** One wrk run: throughput, the latency percentiles wrk prints with --latency, and the error counts. */
    /** The median over the runs of each run's throughput against its floor's run of the same repeat. */
    static double ratio(List<WrkResult> runs, List<WrkResult> floor) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            ratios.add(runs.get(i).requestsPerSecond / floor.get(i).requestsPerSecond);
        }
        return WrkResult.median(ratios.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static String javaVersion() {
        try {
            Path release = Path.of(HubProcess.java()).getParent().getParent().resolve("release");
            for (String line : Files.readAllLines(release)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    return line.substring("JAVA_VERSION=".length()).replace("\"", "");
                }
            }
        } catch (Exception unknown) {
            // fall through
        }
        return System.getProperty("java.version");
    }

    /** The floor a figure is compared with: "durable INSERT" for writes, "constant" for reads. */
    static String floorKind(String name) {
        return name.startsWith("POST") || name.endsWith("durable INSERT") ? "durable INSERT" : "constant";
    }

    /** Each run's requests per second (and its share of its floor), in the order they ran. */
    static String perRun(List<WrkResult> runs, List<WrkResult> floor) {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            double rps = runs.get(i).requestsPerSecond;
            shown.add(floor == null ? String.format(Locale.ROOT, "%.0f", rps)
                    : String.format(Locale.ROOT, "%.0f (%.0f %%)", rps, 100 * rps / floor.get(i).requestsPerSecond));
        }
        return String.join(", ", shown);
    }

    record WrkResult(double requestsPerSecond, double p50Ms, double p90Ms, double p99Ms, long requests, long non2xx,
                     long socketErrors, double serverCpuMs) {

        WrkResult withCpu(double cpuMs) {
            return new WrkResult(requestsPerSecond, p50Ms, p90Ms, p99Ms, requests, non2xx, socketErrors, cpuMs);
        }

        /** The server's CPU time (all its threads: request, JIT, GC, background) per request answered. */
        double cpuMsPerRequest() {
            return requests == 0 ? Double.NaN : serverCpuMs / requests;
        }

        /** Each figure's median over the runs (errors: the most of any run). */
        static WrkResult median(List<WrkResult> runs) {
            return new WrkResult(median(runs.stream().mapToDouble(WrkResult::requestsPerSecond).toArray()),
                    median(runs.stream().mapToDouble(WrkResult::p50Ms).toArray()),
                    median(runs.stream().mapToDouble(WrkResult::p90Ms).toArray()),
                    median(runs.stream().mapToDouble(WrkResult::p99Ms).toArray()),
                    (long) median(runs.stream().mapToDouble(WrkResult::requests).toArray()),
                    runs.stream().mapToLong(WrkResult::non2xx).max().orElse(0),
                    runs.stream().mapToLong(WrkResult::socketErrors).max().orElse(0),
                    // chosen so that the median run's CPU per request is that of the median: requests × median
                    median(runs.stream().mapToDouble(WrkResult::cpuMsPerRequest).toArray())
                            * median(runs.stream().mapToDouble(WrkResult::requests).toArray()));
        }

        static double median(double[] values) {
            double[] sorted = values.clone();
            java.util.Arrays.sort(sorted);
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }

        private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|90|99)%\\s+([\\d.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
        private static final Pattern RPS = Pattern.compile("^Requests/sec:\\s+([\\d.]+)", Pattern.MULTILINE);
        private static final Pattern REQUESTS = Pattern.compile("^\\s+(\\d+) requests in", Pattern.MULTILINE);
        private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
        private static final Pattern SOCKET = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

        static WrkResult parse(String output) {
            Map<String, Double> percentiles = new LinkedHashMap<>();
            Matcher m = PERCENTILE.matcher(output);
            while (m.find()) {
                double value = Double.parseDouble(m.group(2));
                percentiles.put(m.group(1), switch (m.group(3)) {
                    case "us" -> value / 1000;
                    case "s" -> value * 1000;
                    default -> value;
                });
            }
            Matcher rps = RPS.matcher(output);
            Matcher requests = REQUESTS.matcher(output);
            Matcher non2xx = NON_2XX.matcher(output);
            Matcher socket = SOCKET.matcher(output);
            if (!rps.find() || !requests.find() || percentiles.size() < 3) {
                throw new IllegalStateException("unexpected wrk output:\n" + output);
            }
            long socketErrors = 0;
            if (socket.find()) {
                for (int g = 1; g <= 4; g++) {
                    socketErrors += Long.parseLong(socket.group(g));
                }
            }
            return new WrkResult(Double.parseDouble(rps.group(1)), percentiles.get("50"), percentiles.get("90"),
                    percentiles.get("99"), Long.parseLong(requests.group(1)),
                    non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0, socketErrors, Double.NaN);
        }
    }

    // ---------------------------------------------------------------- the report

    String markdown() {
        int cores = Runtime.getRuntime().availableProcessors();
        StringBuilder md = new StringBuilder();
        md.append("# Performance\n\n")
                .append("Generated by `scripts/bench-load.sh` (class `bench.LoadBenchmark`) on ")
                .append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(", ").append(cores)
                .append(" cores, load average before: ").append(loadBefore).append(", after: ").append(Report.loadAverage())
                .append(". Rerun it to refresh this page; the settings are environment variables (see the class).\n\n")
                .append("A hub in its own JVM (`-Xmx").append(heap).append("`, profile `local`: PostgreSQL, Redis and Azurite ")
                .append("on loopback) is driven over HTTP by wrk (2 threads, ").append(durationS).append(" s per run, each after ")
                .append(warmUpS).append(" s of the same load to warm it up; the uncached reads are warmed by the cached ones). ")
                .append("Each turn's hub is first warmed on every path (").append(hubWarmUpS).append(" s each) and then left ")
                .append("idle until the JIT's optimizing compiler has caught up (fewer than 50 methods queued for C2; ")
                .append(String.format(Locale.ROOT, "%.0f–%.0f s", jitWaits.stream().mapToDouble(d -> d).min().orElse(0),
                        jitWaits.stream().mapToDouble(d -> d).max().orElse(0)))
                .append(" in this run; hubs and bare floors on Java ").append(hubJavaVersion).append(")")
                .append(": a fresh hub's C2 queue held 3,082 methods after a few minutes of load, and the ")
                .append("compiler took one of the two cores for as long as they lasted. ")
                .append("Two **floors**, each served twice: by the **bare** app (`bench/bare`: the same Spring Boot 3.5.7 ")
                .append("and camel-spring-boot-bom 4.17.0, platform-http, no security, filters, tracing or meters; started ")
                .append("beside the hub in every turn, on the same JVM and heap) and by the **hub** itself, under `/api/` ")
                .append("so that they pass every filter an API call passes: `GET /bench/floor/constant` (a constant) and ")
                .append("`POST /bench/floor/insert` (one durable ")
                .append("PostgreSQL INSERT per request through camel-sql, pool of 20), all called with the bearer token ")
                .append("every API call carries. Every figure, the floors included, is measured ").append(repeats)
                .append(" times in turn (at ").append(java.util.Arrays.stream(CONNECTIONS).mapToObj(String::valueOf)
                        .collect(java.util.stream.Collectors.joining(", then at "))).append(" clients), each turn on a freshly started hub; the table shows each figure's median over the runs, ")
                .append("the median of each run's throughput against its floors' runs of the same turn, the server's CPU time per ")
                .append("request (from /proc, all its threads), and every run ")
                .append("(requests/s and share of the bare floor), because single runs on this machine have differed by up ")
                .append("to 2.6 times. The fake LLM answers ")
                .append("after ").append(llmLatencyMs).append(" ms during the load, and the hub's LLM calls wait for a pooled ")
                .append("connection as long as a turn lasts (`camel.component.http.connection-request-timeout`; with Camel's ")
                .append("default of 3 minutes the queued calls failed a few minutes into a turn, the LLM's breaker opened and ")
                .append("the load's jobs completed with ERROR verdicts at the CPU's full speed beside the turn's later runs). ")
                .append("Every submission is a new article ")
                .append("(`post.lua` numbers its title and every paragraph), so none is answered from the unit cache, and the hub runs its ")
                .append("default bounds (32 jobs, 8 guideline evaluations at once; on Java 21+ the 8 are the LLM client's ")
                .append("connections per route, as Camel's virtual-thread pools ignore their size): the jobs the load submits are evaluated ")
                .append("at a trickle and the figures are those of the API path.\n\n");
        md.append("| Endpoint | Clients | Requests/s | p50 ms | p90 ms | p99 ms | Errors | Server CPU ms/request "
                        + "| vs bare floor | vs hub floor | Per run (share of the bare floor) |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (int c : CONNECTIONS) {
            results.forEach((key, runs) -> {
                if (!key.endsWith("@" + c)) {
                    return;
                }
                String name = key.substring(0, key.lastIndexOf(" @"));
                String kind = floorKind(name);
                List<WrkResult> bareFloor = name.startsWith("Bare") ? null : results.get("Bare floor: " + kind + " @" + c);
                List<WrkResult> hubFloor = name.startsWith("Bare") || name.startsWith("Hub")
                        ? null : results.get("Hub floor: " + kind + " @" + c);
                WrkResult r = WrkResult.median(runs);
                md.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.2f | %.2f | %.2f | %d | %.3f | %s | %s | %s |%n",
                        name, c, r.requestsPerSecond, r.p50Ms, r.p90Ms, r.p99Ms, r.non2xx + r.socketErrors,
                        r.cpuMsPerRequest(), bareFloor == null ? "(floor)" : pct(ratio(runs, bareFloor)),
                        hubFloor == null ? (name.startsWith("Hub") ? "(floor)" : "") : pct(ratio(runs, hubFloor)),
                        perRun(runs, bareFloor)));
            });
        }
        md.append("\nThe hub's filter chain (Spring Security with the bearer token; the hub's servlet filters: audit, rate "
                + "limit and body size, correlation, header screening, readiness; Spring MVC's observation) is the "
                + "difference between the two floors, median CPU per request:\n\n| Clients | Floor | Bare ms/request | Hub ms/request | Filter chain ms/request |\n"
                + "|---|---|---|---|---|\n");
        for (int c : results.isEmpty() ? new int[0] : CONNECTIONS) {
            for (String kind : List.of("constant", "durable INSERT")) {
                double bareCpu = WrkResult.median(results.get("Bare floor: " + kind + " @" + c)).cpuMsPerRequest();
                double hubCpu = WrkResult.median(results.get("Hub floor: " + kind + " @" + c)).cpuMsPerRequest();
                md.append(String.format(Locale.ROOT, "| %d | %s | %.3f | %.3f | %.3f |%n", c, kind, bareCpu, hubCpu,
                        hubCpu - bareCpu));
            }
        }
        filterTable(md);
        md.append("\n## Targets (2 cores)\n\n| Target | Measured | Met |\n|---|---|---|\n");
        if (results.containsKey("POST /api/v1/jobs @16")) {
            apiTargets(md);
        }
        return inFlightAndJobTargets(md);
    }

    /** CPU per request by filter: the bare and the hub's constant floor, a cached status read; medians over turns. */
    private void filterTable(StringBuilder md) {
        for (int c : CONNECTIONS) {
            List<List<Map<String, Double>>> columns = Stream.of("bare", "hub", "cached")
                    .map(name -> filterProfiles.getOrDefault(name + " @" + c, List.of())).toList();
            if (columns.get(1).isEmpty()) {
                continue;
            }
            Map<String, double[]> parts = new LinkedHashMap<>();
            columns.forEach(runs -> runs.forEach(run -> run.keySet().forEach(part -> parts.put(part, null))));
            parts.replaceAll((part, none) -> columns.stream().mapToDouble(runs -> medianPart(runs, part)).toArray());
            md.append(String.format(Locale.ROOT, "%nThe same per filter (%d clients). After every turn's measured runs, "
                    + "the two constant floors and a cached status read are run once more with a JFR recording of CPU "
                    + "samples (%s samples per run); each sample goes to the innermost filter on its stack "
                    + "(`bench.FilterChainProfile`), and each part costs its share of the samples times the profiled "
                    + "run's CPU per request. The figures are medians over the turns. The sampling costs CPU, so these "
                    + "runs' totals are above the table's before.%n%n"
                    + "| Part | Bare floor ms/request | Hub floor ms/request | Hub floor minus bare | Cached status read "
                    + "ms/request |%n|---|---|---|---|---|%n", c,
                    filterProfileSamples.stream().map(String::valueOf).collect(Collectors.joining(", "))));
            parts.entrySet().stream()
                    .sorted((a, b) -> Double.compare(b.getValue()[2] + b.getValue()[1], a.getValue()[2] + a.getValue()[1]))
                    .forEach(e -> md.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %+.3f | %.3f |%n", e.getKey(),
                            e.getValue()[0], e.getValue()[1], e.getValue()[1] - e.getValue()[0], e.getValue()[2])));
            double[] totals = columns.stream().mapToDouble(LoadBenchmark::medianTotal).toArray();
            md.append(String.format(Locale.ROOT, "| **all (median run)** | %.3f | %.3f | %+.3f | %.3f |%n", totals[0],
                    totals[1], totals[1] - totals[0], totals[2]));
        }
    }

    private static double medianTotal(List<Map<String, Double>> runs) {
        return runs.isEmpty() ? 0 : WrkResult.median(runs.stream()
                .mapToDouble(r -> r.values().stream().mapToDouble(Double::doubleValue).sum()).toArray());
    }

    private static double medianPart(List<Map<String, Double>> runs, String part) {
        return runs.isEmpty() ? 0 : WrkResult.median(runs.stream().mapToDouble(r -> r.getOrDefault(part, 0.0)).toArray());
    }

    private void apiTargets(StringBuilder md) {
        WrkResult submit = WrkResult.median(results.get("POST /api/v1/jobs @16"));
        WrkResult cached = WrkResult.median(results.get("GET /api/v1/jobs/{id} (cached) @16"));
        double submitRatio = ratio(results.get("POST /api/v1/jobs @16"), results.get("Bare floor: durable INSERT @16"));
        double cachedRatio = ratio(results.get("GET /api/v1/jobs/{id} (cached) @16"), results.get("Bare floor: constant @16"));
        target(md, "Submission throughput ≥ 50 % of the bare durable-INSERT floor (16 clients)", pct(submitRatio),
                submitRatio >= 0.5);
        target(md, "Submission p99 < 100 ms (16 clients)", ms(submit.p99Ms), submit.p99Ms < 100);
        target(md, "Cached status throughput ≥ 50 % of the bare constant floor (16 clients)", pct(cachedRatio),
                cachedRatio >= 0.5);
        target(md, "Cached status p99 < 15 ms (16 clients)", ms(cached.p99Ms), cached.p99Ms < 15);
    }

    private String inFlightAndJobTargets(StringBuilder md) {
        target(md, "≥ 1,000 jobs in flight with a " + llmLatencyMs / 1000 + " s LLM, 0 failed, fewer than 300 live threads",
                String.format(Locale.ROOT, "%d RUNNING at once (`hub.worker.concurrency=%d`, `hub.evaluation.parallelism=%d`), "
                        + "%d live threads at most; %d of %d completed, %d failed, in %.0f s", runningMax, workers,
                        parallelism, threadsMax, completedJobs, inFlightJobs, failedJobs, inFlightSeconds)
                        + " (Java " + hubJavaVersion + ")",
                runningMax >= 1000 && failedJobs == 0 && completedJobs == inFlightJobs && threadsMax < 300);
        target(md, "Hub overhead per job < 20 ms median (claim to completion minus the job's longest LLM call, one job "
                + "at a time after " + jobWarmUp + " warm-up jobs, its LLM calls answered at once)", ms(ownTime.percentileMs(0.5))
                + " (p95 " + ms(ownTime.percentileMs(0.95)) + "; claim to completion p50 "
                + ms(claimToCompletion.percentileMs(0.5)) + "; hub CPU " + String.format(Locale.ROOT, "%.1f", cpuMsPerJob)
                + " ms per job, submission included; " + ownTime.size() + " jobs)", ownTime.percentileMs(0.5) < 20);
        md.append(ANALYSIS);
        md.append("\n## Resources\n\n")
                .append(String.format(Locale.ROOT, "- Peak RSS of the hub (VmHWM, the larger of the two hubs): %d MiB; "
                        + "peak heap in use while %d jobs were in flight: %d MiB.%n", rssPeakKb >> 10, inFlightJobs,
                        heapPeakBytes >> 20))
                .append(String.format(Locale.ROOT, "- Peak RSS of the bare floors' app: %d MiB.%n", bareRssPeakKb >> 10))
                .append(String.format(Locale.ROOT, "- Hub CPU during the API load (all turns): %.0f s.%n", cpuSeconds))
                .append("- Waits for the JIT to settle after each warm-up: ").append(jitWaits.stream()
                        .map(d -> String.format(Locale.ROOT, "%.0f s", d)).collect(java.util.stream.Collectors.joining(", ")))
                .append(" (the first before the hub's own time per job).\n")
                .append(String.format(Locale.ROOT, "- Waits for the hub's audit log to append what the runs before had "
                        + "buffered, before each measured run: %.1f s at most, %.1f s in all (every API call is audited, "
                        + "and the appends go to Azurite on the same cores).%n",
                        auditWaits.stream().mapToDouble(Double::doubleValue).max().orElse(0),
                        auditWaits.stream().mapToDouble(Double::doubleValue).sum()))
                .append(String.format(Locale.ROOT, "- The uncached status reads walked %d job ids older than the 30 s status "
                        + "cache (a run with more requests than ids reads some twice, the second time cached).%n",
                        submittedIds));
        return md.toString();
    }

    private String[] jfrStart(String name, String file) {
        List<String> command = new ArrayList<>(List.of("JFR.start", "name=" + name, "settings=profile", "filename=" + file));
        command.addAll(jfrEvents);
        return command.toArray(String[]::new);
    }

    /** What profiling (JFR, `jcmd <pid> JFR.start settings=profile`) showed about the targets this run misses. */
    static final String ANALYSIS = """

            ## What limits it

            ### Issue 25, eleventh round (2026-12-08, night): the job's own time

            Quick runs of the per-job phase alone (one hub, 100 warm-up jobs, then 200 new articles one at a time,
            the LLM answering at once; own time is the page's measure), with step marks in the report's `timingsMs`
            for the evaluation's phases. Before this round: own time 25.5-27.4 ms, hub CPU 65-70 ms per job. The
            evaluation's first split (the rules and the unit-cache lookups of every guideline) took 11-12 ms of it,
            the model's split 6-7 ms, the outline's call 3.5-4 ms.
            - **Cut: one unit-cache lookup per job** (ADR 0024, amended). Each LLM-judged guideline looked up its
              questions itself: 8 `MGET`s a job, each with its route calls, a `toD` and a span, on the guideline
              pool. A run with the lookups taken out entirely measured own time 23.1 ms and CPU 58.7 ms. Now
              `evaluate-guideline` leaves the guideline pending with its questions (`unitJudge.asked`) and
              `look-up-unit-verdicts` asks for the whole job's keys at once, after the rules' split: 0.8 ms.
            - **Cut: one writer of a job's progress at a time.** `report-progress` wrote the cached status after
              every guideline done, ten writes at once in the rules' split; a run without them measured own time
              22.8 ms and CPU 60.7 ms. Now guidelines done while one exchange writes leave their count to it, and
              it writes again while the count moved (`JobProgress.writeNeeded`; `JobProgressTest` forces the race
              where the count moves as the writer gives up). With both cuts: own time 20.8 ms, CPU 56.7 ms.
            - **Cut: the rules' expressions tried only where a literal prefix occurs** (`hub.rules.PrefixedMatches`):
              Java's regex engine tried each pattern at every position of the article once its prefix occurred
              anywhere in it (common words: "your", "our", "no", "rate"). The rules of the default set on the
              benchmark's article, one thread: 1,561 -> 607 us per article. `scripts/eval.sh` gives the same
              per-item results. The per-job runs after it measured 21.6 and 23.6 ms (CPU 57.5 and 63.3 ms) in one
              of the machine's slow phases, in which the code before it measured 25.7 ms.
            - **Tried and dropped: the JDK's HTTP client under the blob client** (`azure-core-http-jdk-httpclient`
              instead of Reactor Netty; the Azure SDK's threads took about a fifth of a job's CPU samples for the
              archive copies and the audit appends). Two A/B pairs back to back: own time 25.7 and 25.9 ms against
              25.7 and 27.8 ms, CPU 68.7 and 67.9 against 68.2 and 73.2 ms per job. No gain; not kept.
            - **What the measure holds besides the hub's work:** the JIT. In the 200 measured jobs after the 100
              warm-up jobs, C2 still compiled: JFR recorded 16 compilations longer than 100 ms, 2.9 s of compile
              time, on the two cores the jobs run on. The same hub measured again after 300 more jobs: own time
              16.8-17.7 ms, CPU 37-39 ms per job. The page keeps the existing measure (100 warm-up jobs).
            - **Where the job's time goes now** (marks, medians of means): the plan (language detection, the
              article's parse) and the rules' split 7.1 ms, the one lookup 0.8 ms, the model's split 7.2 ms (its
              longest call 3.9 ms), the outline's call 3.8 ms; the claim, the report's assembly and the completion
              the rest. The outline's call follows the batches (it needs their roles, ADR 0016) and the measure
              subtracts only the longest call, so the outline's round trip counts as the hub's own time.

            ### Issue 25, tenth round (2026-12-08, after midnight): the queued jobs' heap, and spans nothing exports

            - **Fixed: each job waiting on the in-process queue held its HTTP request.** A heap histogram after a
              turn's submissions showed 21,000 `DefaultExchange`, 21,000 OpenTelemetry `SdkSpan` and 111 MB of byte
              arrays live; JFR's old-object samples traced them to the `seda:jobs` queue: the queued copy of each job
              message kept Camel's active span (an exchange property), whose observation leads to the HTTP request's
              server observation, whose context holds the request, its headers and its cached body. About 16 KB per
              queued job: 350 MB after a turn, and G1 ran a marking cycle every second with 13-18 ms remarks through
              every later run of the turn, the cached reads included. `hub.tracing.SpanFreeQueues` (the seda
              component's default queue factory) drops those objects from a queued copy that carries the
              `traceparent` header its send span wrote; the worker continues the trace from the header, as it does
              for a Service Bus message. Live heap after the same turn: 115 MB. In a quick experiment (one hub, 10 s
              runs) the hub's constant floor went from 9,700-14,300 to 16,900-18,100 requests/s and its p99 from
              11-24 to 9 ms.
            - **Cut: recording spans that nothing exports.** Spring Boot's sampler recorded every trace the hub
              started (probability 1.0) with no exporter configured. `hub.tracing.SamplingConfig` is parent-based: a
              caller's sampled trace is followed; the hub's own traces are recorded at the configured probability
              only where a span exporter exists. Their ids still travel and reach the logs (`ObservabilityIT`).
              Quick experiment: a cached read's CPU against the bare constant floor's went from about 3.0 times to
              2.4-2.8 times.
            - **Cut: the REST routes' Camel route span**, the twin of Spring MVC's server span
              (`RemoteHopTracer`; `TracingRoutePolicy` was about 4 % of a cached read's samples).
            - **Tried and dropped: Tomcat on platform threads, Camel's pools virtual** (a protocol handler customizer
              giving Tomcat its own pool back; two rounds of one experiment): a cached read 39-40 % of the bare
              constant floor (37-51 % with virtual threads in the round before), a submission 28-40 % of the bare
              INSERT (46-49 %). No gain; the hub keeps virtual threads everywhere.
            - **This machine** (a new session's) measures faster than the ninth round's and swings within minutes:
              the bare constant floor served 17,900-31,200 requests/s across this round's experiments. Compare shares
              of the same turn's floors, not requests/s across pages.

            ### Issue 25, ninth round (2026-12-07, late night): a cached status read without Redis

            - **Cut: the Redis round trip of a cached status read** (ADR 0026, `hub.cache.StatusNearCache`). Each
              instance keeps the status documents it read from Redis. A connection of its own has Redis's
              client-side caching on in broadcasting mode for the status keys (`CLIENT TRACKING ON BCAST PREFIX
              job:status:`), so every write, expiry or deletion of a status key, by any instance, drops the copy.
              `status-cache-get` asks the copy first and reads Redis only on a miss. A read that a write overtook
              is not kept, and a lost tracking connection empties the copy until tracking is on again
              (`StatusNearCacheTest` against the real Redis; `JobFlowIT` has another writer change a status under a
              running hub, and the next reads answer it within 2 s where a copy nobody invalidated lives 10 s).
              In the eighth round's profile, the Redis `GET` was the largest part of the read after the filters: the
              `toD` to `spring-redis` with Spring Data Redis and Lettuce on the caller's side (8-11 % of a read's
              samples), and Lettuce's event loop thread, which writes the command and wakes the caller (9 %).
            - **Quick A/B** (one turn each at 16 clients, 15 s runs cut to 5, 21:00-21:10 UTC, first the commit
              before it, then this one; this machine measured slower than during the eighth round's page, its bare
              constant floor at 8,322 and 7,039 requests/s): a cached status read 2,408 -> 4,755 requests/s, 0.664 ->
              0.336 ms of CPU, p99 65.9 -> 43.2 ms; 29 % -> 68 % of that turn's bare floor. The floors of the
              second turn measured slower than the first's (the hub's constant floor 3,202 -> 2,547 requests/s), so
              the share overstates the gain; the CPU per read is the figure to compare.
            - **The uncached reads** walk job ids whose status has left the cache, each once; a run with more
              requests than ids reads the rest again, and those reads now come from the copy after their first
              repeat. Resources below gives the number of ids.

            ### Issue 25, eighth round (2026-12-07, night): the filter chain, filter by filter

            - **New: the chain's cost per filter**, the table under the first one. The issue asked for the difference
              between the floors per filter; the page showed only its total. After each turn's measured runs, the
              bare floor, the hub's floor and a cached status read run once more under a JFR recording of CPU-time
              samples (Java 25's `jdk.CPUTimeSample`, stacks up to 2,048 frames so that every sample reaches Tomcat's
              frames). `bench.FilterChainProfile` gives each sample to the innermost filter on its stack, to the
              servlet when the servlet is inner to every filter (Spring MVC, platform-http, the route, the answer's
              socket write), to Tomcat for a request thread outside the chain, and to the other threads otherwise
              (Redis's event loop, the audit log's writer, the poller). Each part's share of the samples times the
              profiled run's CPU per request gives its cost. `FilterChainProfileTest` checks the attribution.
            - **Fixed: the hub's floors skipped four of the API's filters.** They answered at `/bench/floor/`,
              outside `/api/`, where the rate limit and body size filter (`ApiLimitsFilter`), header screening
              (`RequestHeaders`) and the readiness gate (`NotReadyFilter`) do not run and nothing is audited
              (`AuditFilter` audits API calls). The issue took the floors for the whole chain. They now answer at
              `/api/bench/floor/`, and the hub floor's figures before this round are not comparable with later ones:
              they were too low.
            - **Checked: this machine, not the code, measures slower than the page before.** The round's three page
              runs measured a job's own time at 43.3, 43.8 and 42.3 ms (33.4 on the page before, another machine's
              session) and a submission at about 2.0 ms of CPU (1.50). The first two (the second stopped after its
              first turn) started the hubs with
              `-XX:FlightRecorderOptions:stackdepth=2048` for the filter profile, which sets up the flight recorder at
              start-up; the third, without it (the depth is now set with `jcmd JFR.configure` just before the
              profiled runs), measured the same, so the option was not the cause. A quick turn of each build on this
              machine, one after the other (150 jobs after 60 to warm up, the same settings): the page before's
              commit 53c8765 63.8 ms own time and 5.1 ms of CPU per submission, this round's 44.3 ms and 4.1 ms.
              Nothing on those two paths got slower; the machine is slower.
            - **New: each measured run waits for the hub's audit records.** Every API call is audited, and the audit
              log appends its buffer to Azurite on the same two cores, so a run could start while the hub still
              appended the records of the load before it. Each measured run now first waits until the buffer is
              empty. The hub exports the buffer as `compliance_audit_records_waiting`, with
              `compliance_audit_records_dropped_total` and the P1 alert `AuditRecordsDropped`; Resources below lists
              the waits. Every wait was under a second: the audit log keeps up.
            - **Cut: four of Spring Security's filters** that a stateless bearer API never uses: logout, the saved
              request, the Servlet API wrapper and the anonymous token (`SecurityConfig`). A request without a token
              still gets its 401 problem (`SecurityIT`). Each cost little of its own (under 0.002 ms a request in the
              first profiled turn); the chains' own code around them fell from 0.014 to 0.009 ms a request between
              two quick profiled turns before and after, within what such turns vary by.
            - **What the table says.** The filters of a cached status read, the chains' own code included, cost about
              0.11 of its 0.60 ms (a fifth). The servlet part costs 0.34 ms: the rest-api route, `get-job-status` with
              its two helper routes, the Redis `GET`'s caller side and the answer's write. The other threads come
              next at 0.11 ms, mostly Lettuce's event loop, which writes every Redis command and wakes the caller.
              The same two-step route costs the hub's servlet part 0.140 ms where the bare app's costs 0.075 (the
              second turn's profiles): Camel's engine 0.033 against 0.011 ms (the hub's unit of work, route policy
              and tracer on every exchange), the observation of the exchange 0.016 ms (none in the bare app), and
              Tomcat's socket writes 0.056 against 0.038 ms (the hub's answer carries its security and correlation
              headers). What would move the read further: a status read with no Redis round trip (an in-process copy
              of the status document that Redis's client-side caching invalidates), and no `direct:` hops on its
              path.

            ### Issue 25, seventh round (2026-12-07, evening): the archive after the completion

            - **Cut: the blob archive off the job's path** (ADR 0025). The report's and the article's copies in the blob store
              (two writes in parallel, on Azurite here) came before the statement that completes the job. That statement now
              adds a `pending_archives` row instead, and `archive-job` writes both copies on a wire tap right after the commit,
              then deletes the row. The sweep `archive-pending-jobs` retries any row left behind, and the article retention
              waits for the row to go. Quick turn (one turn each, 150 jobs after 60 to warm up), at 5377f28 and then at 9b9aa5d:
              claim to completion 46.3 -> 36.4 ms, own time 41.2 -> 31.9 ms, CPU per job 84.2 -> 81.2 ms. The CPU is the same
              work, now on another thread. A blob outage no longer holds jobs either (`StoreOutageIT`).
            - **Cut: a literal prefilter for the rules' regular expressions** (`hub.rules.LiteralPrefixes`). A regex whose
              every match starts with one of a few literals (after `\\b`, look-behinds, a look-ahead or a group of alternatives)
              is skipped when the case-folded article contains none of them. The default set has 54 such regexes out of 74.
              On the benchmark's article 29 are skipped, about 7 % of the regexes' time measured in isolation (each
              regex over the whole article). The costly ones are among the 20 whose start says nothing: the sentence-spanning cue and exception patterns that open with a
              character class (`[\\p{L}\\p{N}'’-]+[^.!?\\n]*[.!?]\\s+…`). The effect is within noise: claim to completion 36.4 ->
              38.5 ms in the next quick turn. `scripts/eval.sh` gives exactly the same verdicts.
            - **What would move the job's time further** (shares of a job's samples in the sixth round's profile):
              Camel's engine, 18 % (the parallel splits copy an exchange per guideline and per model call); the rules'
              regexes whose start says nothing, about 11 % (they could be anchored at sentence starts, which
              `scripts/eval.sh` would have to confirm verdict by verdict); Redis, 10.5 % (the job-status writes at the
              claim, on progress and at the completion, and the batched unit-cache calls); observation, 7 %.

            ### Issue 25, sixth round (2026-12-07, afternoon): the job's path

            Per-job profiles (JFR with CPU-time samples over 60-120 new articles one at a time, the LLM
            answering at once; shares of the hub's samples, each sample given to the innermost frame of a
            known library, Lettuce's and Reactor's threads to Redis and the blob store).
            - **Found: the fake LLM held every article-scope answer for 40 ms.** The longest LLM call of every
              job was its one article-scope question (`balanced-risks-and-benefits`, 1,560 prompt tokens) at
              42-47 ms, where a batch call (120 tokens) took 2-7 ms. The request comes in two segments (the
              client flushes its headers before a body larger than its buffer), and the JDK's HttpServer,
              which the fake LLM runs on, answers in two writes with Nagle's algorithm on: the body waited for
              the client's delayed ACK of the headers. The fake now answers with `TCP_NODELAY`
              (`sun.net.httpserver.nodelay`), as a gateway does, and that call takes as long as the others.
              Claim to completion fell by about 40 ms. The own-time figure subtracted the longest call all
              along, so the fix moves it far less.
            - **Cut: the unit cache in one round trip** (ADR 0024). A guideline's questions were looked up
              one by one (a split exchange, two route calls and a Redis `GET` each), and a batch's answers
              stored one by one (a `SETEX` each): about 100 round trips a job for this article (7 paragraphs,
              8 LLM-judged guidelines). `cache-get-all` (Caffeine `GET_ALL`, Redis `MGET`) and
              `cache-put-all` (Caffeine `PUT_ALL`, one pipeline of `SET ... EX` to Redis) make it about 10.
              Redis fell from 19.7 % to 10.5 % of a job's samples.
            - **Fixed: the LLM's retries ran one at a time.** A page run at 14:18 UTC never finished its
              1,000 jobs in flight: 861 completed, then 139 hung. A thread dump showed 137 jobs in the
              circuit breaker around their model call, all waiting on one thread, "Delay". Some calls had met a
              broken pipe or a 503 and were waiting out `llm-chat`'s retry backoff. Camel's `delay` is
              asynchronous by default: its scheduler resumes the exchange, so the next attempt (a 20 s call)
              ran on the scheduler's thread, and under virtual threads that scheduler has one. The retries of
              the whole instance therefore went to the model one at a time. The delay now holds the caller's own
              (virtual) thread (`asyncDelayed: false`). `RouteDefinitionsTest` requires every delay to say
              which thread it continues on, and llm-chat's to stay on the caller's. A real gateway that answers
              429 under load would have done the same to production.
            - **A job's samples now:** the hub's own code 24 % (the rules' regular expressions 11 %: 26
              `pattern` checks and the `requiredPhrase` checks scan the whole article with Unicode case
              folding; language detection 2.5 %; prompt-injection screening 2 %), Camel's engine 18 %, the
              blob store 18 % (the Azure SDK: the report's and the article's archive copies, the audit log),
              Redis 10.5 % (the job-status writes at the claim, on progress and at the completion, and the
              batched unit-cache calls), observation 7 %, the submission call's web and security 4.5 %, the
              LLM's HTTP client 4 %, JSON 3 %, SQL 2 %.
            - **Where the job's own time goes** (the unfinished page rerun at 14:01 UTC, medians over its 300 fixture jobs from the
              reports' `timingsMs`): evaluation 29 ms of a claim-to-completion of 50 ms. The other 20 ms are
              the claim's status write, assembling the report, the two archive writes to the blob store (in
              parallel, on Azurite) and the completion.
            - **What would move it:** the archive copies off the job's path. The report and the article are
              durable in PostgreSQL when the job completes, so a sweeper could write the copies and mark the job
              archived, with the article retention waiting for that mark. Then a blob outage would no longer
              hold jobs either. Also: the rules' regular expressions behind a literal prefilter (most start with
              `\\b(?:word|word...)`, as `mayContain` already does for terms), and the evaluation's parallel split
              without an exchange copy per guideline.

            ### Issue 25, fifth round (2026-12-07)

            Quick turns (one turn, 16 clients, JFR with CPU-time samples on, so every figure is lower than
            the page's) at 14eb381, then with each cut; the shares are of the hub process's CPU samples during
            the path's run.
            - **Cut: one socket write per answer.** Camel's binding wrote every answer chunked: it flushed the
              body (one write), and the last chunk followed when the request ended (a second). On this machine
              a write to a socket is dear (a cached status read's two writes took 7.0 % of its samples). An
              answer already in memory (a string or bytes: every answer of the API) now goes out with its
              `Content-Length` in one write when the request ends (`SynchronousPlatformHttp`); a streamed body
              stays chunked. Socket writes 7.0 % -> 4.9 % of a cached read's samples.
            - **Cut: Spring MVC's handler lookup for Spring Security on every request.** With Spring MVC
              present, Spring Security wraps its chain in a filter that asks Spring MVC which handler serves
              the request, for its MVC request matchers and CORS: 7.0 % of the hub's constant floor, on top of
              the DispatcherServlet's own lookup. The hub's rules are path prefixes and its CORS source is its
              own, so the rules are path patterns now and the chain is registered without that filter
              (`hub.security.SecurityMatching`; `SecurityIT` asserts the chain and the rules).
            - **Cut: the bearer token's regular expression.** Spring Security's resolver matches the
              `Authorization` header against a case-insensitive expression that backtracks over the whole
              token: 3.1 % of the constant floor. `HeaderBearerTokenResolver` accepts exactly what that
              expression accepts with a character scan and leaves every other request (a query string, a form,
              anything malformed) to Spring Security's resolver (`HeaderBearerTokenResolverTest` compares the
              two on 21 kinds of request).
            - **Cut: method validation that could never validate.** `jakarta.validation-api` comes with
              swagger-parser and the hub has no Bean Validation provider, yet Spring MVC prepared method
              validation on every handler call, scanning the handler method for validation groups: 3.2 % of
              the constant floor (`hub.config.NoMethodValidation`).
            - **Cut: the actuator's endpoints matched first.** Spring MVC asks its handler mappings in order,
              and the actuator's (order -100) came before the routes' (-1): every API call matched its path
              against every actuator endpoint and failed, 2 % of a cached read. The actuator's mapping now
              follows the routes'. Header screening also skips its code-point tables over printable ASCII.
            - **Effect, quick turn before and after** (14eb381 at 10:22 UTC, 0abdf8b's first three cuts at
              10:49 UTC): the hub's constant floor 4,011 -> 8,785 requests/s (0.411 -> 0.184 ms of CPU; the
              turn before the cuts measured low, the one before that 6,864 and 0.234 ms), a cached status read
              2,228 -> 2,896 (0.710 -> 0.541 ms), a submission 487 -> 537 (2.95 -> 2.63 ms).
            - **Tried and left out: Jedis for Lettuce.** Lettuce hands every command to its event loop thread
              and wakes it (10-14 % of a cached read's samples, the event loop's thread included); with Jedis
              the caller's own (virtual) thread writes and reads the socket, and Redis took 11.5 % of a cached
              read against 13.6 % with Lettuce in the turns before and after: within a turn's noise, for a
              change of client and of its pool, so Lettuce stays.
            - **Tried and reverted: spans that let go of their exchanges.** During a backlog the heap held
              about 440 MB after each young collection (of 1 GB; the 10:49 UTC turn), and G1 ran a concurrent
              cycle about every 3 s, each with a 20-24 ms remark pause (young pauses 4-7 ms). A histogram after
              old collections (`jdk.ObjectCountAfterGC`, 11:23 UTC) counted about 24,000 live exchanges and
              spans: every job waiting in the local profile's seda queue (10,000 at most; the rest wait in
              PostgreSQL) holds the span of its send, whose parent is the submission's span, and
              camel-observation keeps the message a route consumed in the span's context, and with it the whole
              exchange (the request's headers, the article, every property): 10-25 KB a job. An observation
              handler that dropped the Camel messages from a span's context when the span ended (905a7c6) left no
              exchange in the histogram and halved the heap after young collections (about 220 MB), but G1 then
              gave the young generation the room: young pauses during submissions grew to 22-44 ms, concurrent
              cycles still came every 2 s, and the whole page rerun with it (12:04-12:25 UTC, medians of 3 turns)
              was worse on every path: cached status 2,690 requests/s (14 % of the bare floor, p99 57.0 ms),
              uncached 1,599, submissions 682 (30 %, p99 114.3 ms), own time per job 73.8 ms (CPU 114.3 ms).
              Reverted; this page is the run before it. Freeing that memory pays only with a pause-time goal
              for G1 to size the young generation by (not tried), or with a queue outside the heap (Service Bus
              in Azure holds none of this). Passing no span to the queued job would most likely not free it (the
              send's own span keeps its parent observation); tried and reverted unmeasured.
            - **What limits a cached status read now** (0abdf8b's turn): the route 19 % (Camel's engine over
              the 18 steps of three routes 56 % of it, the Redis GET's caller side and Lettuce 19 %, spans and
              meters 16 %), Lettuce's event loop thread 10 %, writing the answer 12 % (the one socket write
              5 %), creating the exchange and the rest-api route around the route 11 % (rest-openapi's path
              matching 3 %), Spring MVC's handler lookup 5 %, the `http.server.requests` observation 5 %,
              bearer token and claims 2.4 %, Tomcat and the remaining filters the rest. The hub's constant
              floor, with every filter and no route, now serves about half the bare floor (54 % in that
              turn); the cached read costs three times its CPU.

            ### Issue 25, fourth round (2026-12-07)

            - **Found: the LLM's breaker opened on the load's backlog, and the queued jobs ran beside the later
              runs.** A turn's submissions queue thousands of jobs behind the 20 s fake LLM; their calls wait for one
              of the client's pooled connections, and a call inside the breaker counts that wait and its retries.
              Camel's default slow-call threshold (60 s, the breaker opens when every call of its window is slow)
              opened the breaker a few minutes into a turn, and from then on every queued job completed with ERROR
              verdicts ("LLM unavailable: the circuit breaker is open") at the CPU's full speed. In a JFR turn at
              08:03-08:08 UTC 2,340 jobs completed within two minutes and the jobs' threads took 37 % of the CPU
              samples during the cached status reads (0.7 ms of CPU per read in the turn before, 2.2 ms in this one); in
              the next turn (08:11-08:16 UTC) 3,093 of its 3,166 reports had those verdicts. This, not a fuller database or the in-memory queue's heap, is most
              likely why the later runs of every earlier page's turns were the slower (uncached status 1,180, 346,
              329 requests/s on the page before this one). Fixed in the hub, where it was a defect: a backlog of
              healthy answers completed jobs with ERROR verdicts. The `llm` breaker's slow-call threshold is 900 s
              (`LlmBreakerConfigTest`: at least four times one call's worst case of 150 s); an LLM slower than
              `hub.llm.timeout-ms` fails its calls, which the breaker counts. A call also waits for a
              pooled connection as long as its job may run (`camel.component.http.connection-request-timeout`, 15
              minutes; Camel's 3 minutes were reached by the queued calls, which then failed and counted against the
              breaker; set after this page's run, whose hubs the benchmark gave an hour).
            - **Cut: one servlet dispatch per API call** (ADR 0022, `hub.config.SynchronousPlatformHttp`).
              platform-http's Spring Boot consumer answered every request from an executor through a future, so
              Tomcat dispatched each request a second time (valves, servlet filters, the `DispatcherServlet`'s
              handler lookup) to write the response: 22 % of a cached status read's request-path samples. Routes
              now answer on the request's own (virtual) thread; batches, usage and the admin listing keep the
              asynchronous answer and its timeout. One JFR turn each: the hub's constant floor 3,843 -> 6,677
              requests/s (0.436 -> 0.243 ms of CPU), a cached status read 1,996 -> 2,351 (0.797 -> 0.681 ms).
            - **Cut: no server round trip to count a statement's parameters.** Camel's SQL producer asks the driver
              for the parameter count on every call (`PreparedStatement.getParameterMetaData()`), and PostgreSQL's
              driver answers it with a describe round trip to the server: 5 % of a submission's CPU samples, and a
              wait on every statement of every route. The count is read from each statement's text once
              (`SqlParameterConfig.parameterCount`; a statement of another shape is left to the driver). In the
              turn after it the hub's INSERT floor served more than the bare one (2,564 against 2,378 requests/s).
            - **Cut: leased rate-limit tokens without a lock.** Every call of one caller took its token under the
              bucket's monitor; on Java 25 a virtual thread that finds a monitor taken parks, copying its stack
              (about 150 frames of filters) to the heap. A token of the current lease is now taken by compare-and-set;
              only a new lease (the Redis round trip) takes a lock. `RedisTokenBucketTest` has 16 threads share one
              bucket of 1,000 tokens and hand out exactly 1,000.
            - **Profiles by CPU time.** JFR's execution sampler samples threads at intervals regardless of how much
              CPU they use; on Java 25 `BENCH_JFR_EVENTS="jdk.CPUTimeSample#enabled=true jdk.CPUTimeSample#throttle=1ms"`
              adds samples proportional to CPU time (GC threads aside), which the figures of this round come from.
            - **What limits a cached status read now** (CPU-time samples of the request threads, 07:57 UTC turn):
              the route 27 % (the Redis GET through Camel's Redis component and Spring Data Redis 5-8 %, Camel's
              spans 4 %, the MDC 5 %, the rest spread over the 18 steps of three routes), writing the response 15 %
              (Camel's binding copies the body, flushes and closes a chunked response: two socket writes),
              rest-openapi's path matching 4 %, Spring MVC's handler lookup 3 %, and Tomcat with the servlet and
              security filters about half. The hub's own constant floor, with the same filters and no route, serves
              about half the bare floor's rate: 50 % of the bare floor is out of reach while every call passes the
              security, audit, correlation, screening and observation filters the hub's requirements keep.
            - **What limits a submission now** (same turn): the INSERT with its pool 11-16 %, the contract check
              and the reader 12 % (JSON parsed once, schema validated, fields checked), the status cache's Redis SET
              3 %, the queue hand-off 4 %, Camel's spans 5 %, the filters and Tomcat as for the reads. The hub's own
              INSERT floor now equals the bare one; the submission's route adds about 2.5 ms of CPU on top of it.

            ### Issue 25, third round (2026-12-07)

            - **The benchmark had measured the load's jobs beside the API.** Every submission of the load differed
              from the others in its title only; the unit cache (issue 16) judges an article paragraph by paragraph,
              so every other paragraph was answered from it and the load's jobs ran to completion at the CPU's full
              speed beside the measured requests instead of waiting on the 20 s fake LLM. In a JFR turn at 04:40 UTC
              (one turn at 16 clients) 73 % of the hub's samples during the cached status reads were the jobs'
              evaluation threads (`Split`, `seda://jobs`, `Multicast`, language detection) and 13 % the request
              threads: 139 cached reads/s at 10.0 ms of CPU each, 83 submissions/s at 16.8 ms. With every paragraph
              of every submission numbered (`post.lua` replaces each `{n}`), the next turn (04:45 UTC, JFR on too)
              measured 1,614 cached reads/s at 0.98 ms and 283 submissions/s at 4.6 ms, the jobs' threads 4 % of the
              samples. Much of the turn-to-turn spread of the pages before this one, and of round two's notes that
              later runs of a turn measure a fuller database and that the second turn of a pair is the slower, was
              most likely this artefact: a turn's later paths ran beside the backlog its earlier submissions queued. The fixture jobs name the
              run too (`LoadBenchmark.RUN`): the unit cache in Redis outlives a run, and without it a second run's
              per-job phase was answered from the first run's verdicts (own time 76-87 ms where the first run's was
              88 ms, in the A/B below before the fix).
            - **Per job, a new article now.** The per-job figures of earlier pages were of jobs whose paragraphs
              (all but the title) came from the unit cache; they are now of new articles, every unit asked of the
              instant fake LLM.
            - **Cut:** Camel takes any dot in a `method:` expression for an OGNL chain (`OgnlHelper.isValidOgnlExpression`),
              the dots inside its arguments too (`status(${exchangeProperty.jobRow})`), so 75 of the routes' 194
              method expressions had stayed on Camel's slowest path (a bean holder and a bean-info lookup per call,
              the exchange copied and copied back). `DirectBeanLanguage.plainCall` tells one call from a chain.
            - **Cut:** the simple language's property chains (`${body.cacheKey}`, `${exchangeProperty.task.guideline.id}`,
              about 40 in the routes) built a bean expression per evaluation, looked its bean info up keyed by the
              value itself (hashing the whole record with its guideline, checks and exceptions) and copied the
              exchange: 5-7 % of the per-job samples. `hub.config.ValueAccessor` calls the accessors step by step
              and hands a step it cannot call (an overloaded name, a map key) to Camel with the rest of the chain.
              As first committed it matched nothing: the simple language passes the chain with its leading dot
              (`.cacheKey`), and its tests compared results, which Camel's own path gives too; a JFR run of the
              per-job phase (05:52 UTC) still showed Camel's OGNL path at 5.2 %. `ValueAccessorTest` now checks that
              the accessor is what the simple language gets.
            - **A/B of the dotted calls** (the accessor matching nothing yet; per-job phase, 150 new articles one
              at a time, both orders, 05:04-05:10 UTC): hub CPU per job 161.3 and 126.3 ms with them against 150.2
              and 130.4 ms without, the second run of each pair the faster: no effect this machine resolves.

            ### Issue 25, second round (2026-12-07)

            - **Cut:** Camel's `MDCUnitOfWork` copied the thread's whole MDC map before every processor step and
              restored eight keys after it (11 % of a cached status read's and of a submission's CPU in the Java 25
              profile below). `hub.tracing.JobMdcUnitOfWork` sets the job's, correlation's, route's and exchange's keys
              when an exchange starts on a thread and again only when a step completes on another thread; in the
              per-job profile after it the MDC is 0.9-1.6 % of the samples (`JobMdcUnitOfWorkTest`: the keys on every
              thread of a job, the caller's own keys restored).
            - **Cut:** W3C baggage (`management.tracing.baggage.enabled=false`): the hub defines no baggage fields, and
              every span's scope copied the baggage into the MDC and the context.
            - **Cut:** Camel's bean language copies the whole exchange (properties and headers) for every `method:`
              expression and copies them back; the routes hold 129 of them, and with a job's properties the copies
              and the map resizing behind them were the largest item of Camel's engine in the per-job profile
              (`BeanExpression.invokeBean` 4.1 % of the samples alone, `ConcurrentHashMap` resizing 2-3 % more).
              `hub.config.DirectBeanLanguage` calls a named bean on the exchange itself, its arguments bound as Camel
              binds them (`hub.camel.direct-bean-calls=false` turns it off). Two A/B pairs of the per-job phase (300
              jobs one at a time, run in both orders, 02:23-02:58 UTC with one other build on the machine): hub CPU
              per job 85.4 and 90.5 ms with it against 101.1 and 94.4 ms without (-10 % on the mean); own time per
              job 67.1 and 70.6 ms against 83.3 and 67.6 ms, so the time per job moved within the noise.
            - **Per job** (JFR over 300 jobs one at a time, LLM answering at once, `BENCH_JFR=1` writes `per-job.jfr`;
              two runs at 02:00 and 02:17 UTC with two other engineers' builds on the machine, 1,131 and 1,158 samples,
              each sample given to the innermost frame of a known library): Camel's engine 26-28 %, the blob store
              (the Azure SDK: the report's and the article's archive writes and the audit log's appends) 18-19 %, the
              rules and the prompt-injection screening 13-15 % (regular expressions: the rules' `pattern` and
              `requiredPhrase` checks), Tomcat, Spring and security (the submission call) 12-14 %, Camel's spans 5.4 %,
              JSON 4.7 %, the report and the judge 2.5-4 %, SQL 3.1-3.4 %, Redis 2.5 %, meters 1.7-2.4 %, the MDC
              0.9-1.6 %. Claim to completion 104.5 and 77.4 ms, hub CPU 114.3 and 97.6 ms per job in those two runs.
            - **Tried and reverted:** the blob clients on the JDK's HttpClient (`azure-core-http-jdk-httpclient`
              1.1.1, Netty excluded): the blob store's share went from 19.3 % to 18.0 %, within the noise of one run,
              and the JDK client needs `jdk.httpclient.allowRestrictedHeaders` for the SDK's `Content-Length`.
            - **What would move the per-job figure:** the blob writes off the job's path (the report is durable in
              PostgreSQL first; the archive copies could be written by a batching writer as the audit log is), the
              rules' regular expressions compiled into one automaton per guideline set, and the evaluation's
              parallel split without an exchange copy per guideline (3-4 % in copying properties).

            ### Issue 25: against the bare stack (2026-12-06)

            - **The floors now come from two apps.** `bench/bare` is a Maven project of its own (Spring Boot 3.5.7,
              camel-spring-boot-bom 4.17.0, platform-http, camel-sql, the PostgreSQL driver; nothing else), packaged by
              `scripts/bench-load.sh`, started beside each turn's hub on the same JVM and heap, and never part of the
              hub's jar. The hub's own floors stay as the second column, so the hub's cost splits into its filter chain
              (hub floor against bare floor) and its routes (endpoint against hub floor). Every run records the
              server's CPU time per request from /proc: the least noisy figure on a shared machine.
            - **Per filter** (JFR, request-path samples of the hub's constant floor attributed to the innermost filter
              or servlet frame; about 100 samples a run, so ±5 points): the servlet (Spring MVC's dispatch and the
              Camel route) 55 % on the hub against 84 % on the bare app; `RequestContextFilter` 14 % (3.5 % bare),
              `BearerTokenAuthenticationFilter` 7 %, `ServerHttpObservationFilter` (the `http.server.requests`
              meter and its span) 5 %, Spring Security's header, context, authentication and authorization filters
              2-4 % each, the hub's audit, correlation, screening and limits filters about 1 % each. platform-http
              answers through Spring MVC's asynchronous dispatch, so Tomcat runs the security chain a second time
              for the response (7-8 % of the samples under `CoyoteAdapter.asyncDispatch`).
            - **Cut in this round** (each with its commit's measurement; single runs with JFR on and a load average
              of 12-30 from other builds, so only the direction is certain):
              - the rate limit's Redis round trip on every API call: tokens are leased, up to what the rate refills in
                `hub.api.rate-limit.lease-ms` (100 ms, at most half the burst), one `EVALSHA` a lease
                (`LeasedTokenBucket`); 5.9 % of a cached read's request-path samples before, 0.4 % after;
              - a submission's body read four times (the contract's control-character walk and parse, the reader's
                walk and parse): the reader binds the contract's tree (`StrictJson.bind`), two reads left;
              - 1,000 jobs in flight on platform threads: on Java 21+ Tomcat, seda's workers and Camel's pools run
                virtual threads (`spring.threads.virtual.enabled`, passed on to Camel by camel-spring-boot).
              - (after the table's run) Spring Security's chain on the ASYNC dispatch: `spring.security.filter.dispatcher-types:
                request, error`; its samples under the asynchronous dispatch went from 7.6-10 % to none, the CPU per request did
                not move beyond the noise of a single run.
            - **What limits a submission now** (JFR, request-path samples, Java 17 profile run after the cuts):
              Camel's engine 21 % (about 35 processor steps in six routes), Spring's servlet filters and MVC 17 %,
              Tomcat 11 %, the INSERT and its pool 9.5 %, the MDC copied around every step 8.4 % (21.6 % before the
              cuts: `MDCUnitOfWork` copies the whole MDC map per step, and the map is larger while a request carries
              its trace, span, correlation and job keys), Camel's spans and Micrometer 5 % each, JSON 4.5 %, the
              contract check 2.8 %. Nothing is large alone; reaching half of the bare INSERT floor needs the
              submission's Camel part at a few steps (one bean doing validate, insert, cache and hand-off), no
              per-step MDC copy (`camel.main.use-mdc-logging=false` and the hub's own keys set once per job and
              request), and platform-http answering without the asynchronous dispatch (its second pass now skips the security chain).
            - **What limits a cached status read:** the same shared stack (Spring web filters 30 %, Tomcat 13 %,
              Spring Security and JWT 9 %), Camel's engine 23 % for a read that is one cache lookup, Camel's and
              Micrometer's tracing and meters 13 % (the baggage propagator copies its fields on every scope), MDC
              5 %, Redis 4 %. The bare constant floor answers without any filter, span or meter; the hub's status
              read can reach half of it only without its filters' and tracing's per-request work, which the hub's
              security and observability requirements (docs/security.md, docs/monitoring.md) keep.
            - **Java 25 profile run** (the same method, one turn with JFR on, 00:03-00:08 UTC with the unit suite running
              beside it; 500-640 request-path samples each). A cached status read: Camel's engine 26 %, Spring's web filters
              and MVC 24 %, Tomcat 12 %, the MDC copies 11 %, Camel's spans 7.5 %, Spring Security 6.6 %, meters 4.7 %, JWT
              2.8 %, Redis 1.9 %. A submission: Camel's engine 28 %, Spring web 15 %, MDC 11 %, JSON 7.8 %, SQL 6.2 %, Tomcat
              6 %, meters 5.8 %, spans 4.8 %, the contract check 1.6 %, the reader 1.4 %, the rate limit 0.8 %. The hub's
              constant floor by innermost filter: the servlet and route 44 % (87 % on the bare app), the entry of the security
              chain (`DelegatingFilterProxy`, under `RequestContextFilter`) 12 %, `ServerHttpObservationFilter` 9 %,
              `BearerTokenAuthenticationFilter` 8 %, `FilterChainProxy` 5 %, the other security filters 1-4 % each, the hub's
              correlation, audit and limits filters 1-3 % each.
            - **Per job** (claim to completion minus the longest LLM call): see the targets table; the analysis of
              round 5 below still holds (per-unit cache lookups through `toD`, exchange copies of the parallel
              evaluation, MDC and spans per step).

            ### Earlier rounds

            Profiled with JFR on a hub under `wrk -c16` (`jcmd <pid> JFR.start settings=profile`, then
            `jfr print --events jdk.ExecutionSample --stack-depth 200` aggregated by frame), in five rounds.

            - **Round 1 (fixed):** Camel's SQL component converted the message body to a Map once per statement
              parameter, an uncached type-converter miss that scanned every converter (a sixth of a submission's
              CPU): statements are populated without the body (`SqlParameterConfig`). Forbidden terms skip the regex
              scan when their first word is absent from the case-folded text (a sixth of a worker's CPU on clean
              articles). The guideline split is synchronous, so `hub.worker.concurrency` bounds the jobs in flight.
            - **Round 2 (fixed):** a submission made three durable writes where the floor makes one: the article
              now goes into `job_articles` in the job row's own statement and the worker archives it to the blob
              store with the report (ADR 0011), so the blob store (Azurite: a single-threaded Node process on the
              same two cores) and the Azure SDK pipeline, the largest item of a submission's CPU, left the request
              path. On every API call: the bearer token was parsed and its signature checked again (now remembered
              per token, the claims still checked on every use: `CachingJwtDecoder`); Spring Security's firewall
              ran a regular expression on every header read (now a loop with the same rule); Spring Security wrapped
              every filter in an observation (off); Camel compiled a regular expression per exchange for the MDC
              keys pattern and normalised every endpoint URI against the tracer's exclude pattern (both gone: `*`
              and no exclude pattern); camel-micrometer's exchange event notifier looked its timer up on every
              event (off; the route policy keeps the per-route meters). The audit writer made four blob requests
              per flush and flushed each record alone (now one request per flush and a 50 ms linger).
            - **Effect of round 2** (same benchmark; the run before it, 2026-11-26 08:39 UTC): a submission went
              from 11 % of its floor (146 requests/s, p99 1,040 ms at 16 clients) to the figure in the table;
              cached status reads stayed near 40 % of theirs. A job's claim to completion went from 95 ms to
              about 125 ms: the article's blob write moved from the submission to the worker (the archive).
            - **Round 3 (fixed):** Camel opened two spans for every hop to a `direct:` sub-route (a status read
              made eight spans, six of them for in-process hops): those hops have none now (`RemoteHopTracer`), their
              outgoing calls are children of the caller's span. The cache helper routes have no route-policy
              meters. Simple's `properties:` function parsed its placeholder on every SQL statement (7 % of a
              worker's CPU): a property parameter is read once. The report and article archive writes run side by
              side. The benchmark now warms every path up with the same load before measuring it, and measures the
              hub's own time per job after 100 jobs: a cold JIT had doubled the floor's CPU per request between a
              first and a second run, and the first jobs of a fresh hub run interpreted code.
            - **Run-to-run variation:** three runs on this 2-core machine within an hour, with nothing else
              running, moved the floors by up to a factor of 2.6 (constant floor at 64 clients: 8,161, 3,144 and
              3,457 requests/s). The first run (13:39 UTC, while the benchmark's fake LLM still answered batched
              requests with a single verdict, which only the jobs' evaluation saw) measured at 16 clients a
              submission at 670 requests/s, 33 % of its floor, p99 61.5 ms, and cached status reads at 2,533
              requests/s, p99 14.9 ms, above a constant floor that measured low (2,138). The two runs after the fix
              agree with each other: submissions at 333 and 316 requests/s (19 % and 14 %, p99 125 and 138 ms),
              cached status reads at 857 and 862 requests/s (31 % and 27 %, p99 80 and 75 ms). Two more runs of
              the same code later that day gave submissions 340 and 433 requests/s, cached reads 878 and 1,262.
              Since then every figure runs `BENCH_REPEATS` times in turn and the table shows medians and every run.
            - **Round 4 (2026-11-26, evening):** the outline-scope guideline (ADR 0016) added one question per job
              after the batches; run in parallel on the guideline pool it raised the threads of 1,000 jobs in flight
              from 3,129 to 4,155, so it runs on the job's own thread (3,132). The constant floor is now called with
              the bearer token, as the INSERT floor and every API call are: before, it skipped the token check the
              figures compared with it pay.
            - **The benchmark's own backlog (found in round 4, fixed in round 5):** the jobs the POST runs
              submit wait on the local profile's in-memory queue (`seda`), evaluated at a trickle, and each queued
              job held its whole submission exchange: the article, the request's headers, the exchange properties
              and its open trace span. Three turns on one hub left 73,649 exchanges and 72,876 spans in the 1 GiB
              heap, old generation 99.9 % full after 152 full collections, and the last turn's submissions fell to
              44 requests/s. Each turn runs on a fresh hub and drops its queued jobs after it.
            - **Round 5 (2026-11-26, night): the benchmark measured a busy hub, for two reasons.**
              - *The same article every time.* Every POST submitted one article, so after the first job every
                verdict came from the unit cache (Redis on the local profile) and the load's jobs never waited on
                the 20 s LLM. In a profiling run 1,100 jobs completed in three minutes, where the design allows 32
                every 20 s, each with about 90 ms of CPU: the workers took up to half of the two cores from the API
                under test. Every submission now has a numbered title (`post.lua`), so each job asks the model about
                its outline at least and waits.
              - *A JIT still compiling.* After a few minutes of load a fresh hub had 3,082 methods queued for its
                single C2 compiler thread, which took one of the two cores until they were done (about 40 s idle).
                The floors, measured first in a turn, came out at half their later rate. Each turn now warms every
                path, then waits idle until fewer than 50 methods are queued.
              - *Fixed in the hub.* A job message crosses the queue on an exchange of its own (`queueHandOff`: the
                body, the Service Bus headers, the trace span), not the whole submission exchange (about 14 KB a
                job). The tracer remembers each URI scheme's span decorator: for the Redis and Caffeine caches
                Camel's lookup streamed over every decorator it knows, on every call.
              - *Effect* (medians of three turns on fresh hubs, as before): at 16 clients a submission went from
                202 to 464 requests/s (p99 185 to 94 ms), a cached status read from 603 to 1,190 requests/s (p99 83
                to 53 ms); against their floors from 10 % to 22 % and from 28 % to 52 %.
            - **What limits a submission** (JFR on a settled hub under `wrk -c16`): the HTTP stack is shared with
              the floors (Tomcat, Spring Security's filters, Spring MVC's server observation, and platform-http's
              asynchronous dispatch, which runs the filter chain a second time). Beyond it a submission runs about 35
              Camel processor steps in six routes where the INSERT floor runs four, and every step pays Camel's
              engine: the MDC copied before and restored after each step (`camel.main.mdc-logging-keys-pattern=*`,
              7 % of the samples) and a span for each outgoing call (9 %). Then comes the submission's own work:
              parsing and validating the article (6 %), the INSERT (7 %), the status-cache write and the queue
              hand-off (4.5 %). Cutting the shared stack would raise the figure and the floor alike and lower the
              ratio. Reaching 50 % needs the submission's Camel part halved: fewer steps (one bean for the cache
              helper routes), no MDC copy per step (the worker's own code carrying its log keys), spans only for
              calls that leave the process.
            - **Cached status p99** (target 15 ms): the constant floor's own p99 at 16 clients was 24–33 ms in the
              turns of the 2026-11-26 18:35 run (22–90 ms in the profiling runs), while wrk's two threads share the
              two cores with the hub, PostgreSQL and Redis. 15 ms is below what this machine gives the trivial
              endpoint.
            - **Per job** (target 20 ms), JFR over 300 jobs one at a time with the LLM answering at once. Camel's
              engine again takes the most:
              - the MDC copied before each step, 7 %, and restored after it;
              - the spans of the outgoing calls, 11 %;
              - the exchange copies of the parallel guideline evaluation, 7 %: each copy clones the job exchange's
                properties into a new map (6 %);
              - Simple's method calls on records, 2.5 % (`${body.cacheKey}` on a unit question). Camel builds bean
                information per object, keyed by the object, so it hashes the question, its guideline and every
                unit of the article each time.

              These costs are multiplied by the unit cache's lookups: one route call per unit and guideline, each
              a split sub-exchange, about 14 steps and a `toD` to Redis with its span. Sends through `toD` alone
              take 15 % of the samples, a third of that in Redis itself. The hub's own rules, report assembly and
              prompt-injection scan take about 7 %. The blob archive of article and report takes 4 %, SQL 4 %.
              Not changed this session, in order of worth:
              - one batched lookup per guideline (Caffeine's `GET_ALL`, Redis's `MGET`) in place of the
                per-unit route calls;
              - a property set by the bean that builds the question in place of the method calls;
              - fewer exchange properties, which would make the copies cheaper.
            - **Per job, by design:** the claim, the article read, the rules, the LLM round trips through the
              circuit breaker, the report and article archive (two blob writes at once) and the fenced completion.
              With batched judgement (ADR 0014) an article takes one batch call per 24 units for its unit-scope,
              outline-scope and `somewhere` guidelines together, then one call about the outline (ADR 0016). The
              hub's CPU per job was 107 ms when the `somewhere` guideline made one call per unit, 88 ms batched and
              78–80 ms with the outline scope. With every job a new article (its outline asked each time) it is
              94 ms.
            - **In flight:** a job holds a worker thread while its guidelines wait for the LLM (platform threads on
              Java 17), so 1,000 jobs in flight cost about 2,000 threads (workers, the guideline pool, HTTP
              connections); the targets table above shows how many ran at once and whether any failed.
            """;

    private static void target(StringBuilder md, String target, String measured, boolean met) {
        md.append("| ").append(target).append(" | ").append(measured).append(" | ").append(met ? "yes" : "**no**").append(" |\n");
    }

    private static String pct(double ratio) {
        return String.format(Locale.ROOT, "%.0f %%", 100 * ratio);
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, "%.1f ms", v);
    }

    private static void log(String format, Object... args) {
        System.out.printf("[load-bench] " + format + "%n", args);
    }
}
