package bench;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The failure drills of issue 8 (docs/reliability.md). Every drill runs hubs in JVMs of their own against
 * PostgreSQL, Redis and Azurite of the drills' own ({@link IsolatedServices}), so that killing and restarting them
 * disturbs nothing else, and a fake LLM on loopback. Each drill submits jobs over HTTP (each with a unique
 * externalRef and X-Correlation-ID), breaks something, and then accounts for every job from PostgreSQL:
 * submitted (answered 202), refused, completed, failed, duplicated (more than one job row for one request, or a
 * row nobody was told about), lost (a 202 without a finished job). Lost and duplicated must be 0.
 *
 * <p>Settings (environment): DRILL_JOBS (500), DRILL_RATE (10 submissions/s for the steady drills), DRILL_OUT
 * (docs/reliability.md, "-" for none), AZURITE_BIN. Run with {@code scripts/drills.sh}.
 */
public final class Drills {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration RTO = Duration.ofMinutes(5);

    final int jobs = GtcBenchmark.env("DRILL_JOBS", 500);
    final int rate = GtcBenchmark.env("DRILL_RATE", 10);
    final String out = System.getenv().getOrDefault("DRILL_OUT", "docs/reliability.md");
    final Path work = Path.of("target", "drills");
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final String token = HubProcess.token();
    final List<Outcome> outcomes = new ArrayList<>();
    IsolatedServices services;
    FakeLlm llm;

    public static void main(String[] args) {
        int status = 0;
        try {
            status = new Drills().run() ? 0 : 1;
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    boolean run() throws Exception {
        services = new IsolatedServices(Path.of("/tmp", "hub-drills"));
        llm = new FakeLlm(200);
        try {
            services.startAll();
            killOneOfTwoInstances();
            restartRedisUnderLoad();
            restartPostgresUnderLoad();
            stopAzuriteUnderLoad();
            llmFailingForAMinute();
        } finally {
            llm.close();
            services.close();
        }
        String markdown = markdown();
        System.out.println(markdown);
        if (!"-".equals(out)) {
            Files.writeString(Path.of(out), markdown);
        }
        return outcomes.stream().allMatch(Outcome::passed);
    }

    // ---------------------------------------------------------------- the drills

    void killOneOfTwoInstances() throws Exception {
        llm.latencyMs.set(500);
        Outcome outcome = new Outcome("Two instances; kill -9 of one while it evaluates",
                jobs + " jobs submitted alternately to two hubs (default bounds: 32 jobs and 8 guideline evaluations at "
                        + "once each; LLM 0.5 s per call); hub a is killed with SIGKILL once it runs at least 4 jobs; "
                        + "hub b must take over every job a had accepted and not finished.");
        try (HubProcess a = hub("a"); HubProcess b = hub("b")) {
            Load load = new Load(outcome, List.of(a, b));
            for (int i = 0; i < jobs; i++) {
                load.submit(i % 2 == 0 ? a : b);
            }
            load.pool.shutdown();
            load.pool.awaitTermination(5, TimeUnit.MINUTES);
            try (Connection db = db()) {
                awaitCount(db, "SELECT count(*) FROM jobs WHERE status = 'RUNNING' AND lease_owner = 'drill-a'", 4,
                        Duration.ofMinutes(2));
            }
            long killedAt = System.nanoTime();
            List<String> orphans;
            try (Connection db = db()) {
                a.kill();
                orphans = ids(db, "SELECT CAST(id AS text) FROM jobs WHERE external_ref LIKE '" + outcome.prefix
                        + "%' AND status IN ('QUEUED', 'RUNNING') AND (lease_owner = 'drill-a' OR lease_owner IS NULL)");
                outcome.note("Killed hub a (pid %d) with %d jobs accepted; %d unfinished jobs were a's or waiting in "
                        + "a queue.", a.pid(), outcome.submitted(), orphans.size());
                // Recovered: taken over by b (claimed by it) or finished.
                String pending = "SELECT count(*) FROM jobs WHERE id IN (" + String.join(",", orphans.stream()
                        .map(id -> "'" + id + "'").toList()) + ") AND status IN ('QUEUED', 'RUNNING') "
                        + "AND (lease_owner IS DISTINCT FROM 'drill-b')";
                long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
                while (!orphans.isEmpty() && BatchBenchmark.scalar(db, pending) > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(500);
                }
            }
            outcome.recovery = Duration.ofNanos(System.nanoTime() - killedAt);
            outcome.note("The last of a's jobs was taken over by b %d s after the kill (RTO target %d s).",
                    outcome.recovery.toSeconds(), RTO.toSeconds());
            awaitAllFinished(outcome, Duration.ofMinutes(15));
            outcome.note("All jobs finished %d s after the kill.", Duration.ofNanos(System.nanoTime() - killedAt).toSeconds());
            outcome.check("a's jobs taken over within the RTO", outcome.recovery.compareTo(RTO) < 0);
            outcome.check("every job completed, each once", outcome.completed == outcome.submitted());
            load.close();
        }
        outcomes.add(outcome);
    }

    void restartRedisUnderLoad() throws Exception {
        llm.latencyMs.set(200);
        steadyDrill(new Outcome("Redis restarted under load", "Steady submissions at " + rate + "/s and a status "
                        + "read per submission for 40 s; Redis is shut down at 10 s and started again at 20 s."),
                "redis", rate, 40, services::stopRedis, services::startRedis, 20, Duration.ofMinutes(5),
                (outcome, load) -> {
                    outcome.check("every submission answered 202", outcome.refused() == 0);
                    outcome.check("every status read answered 200", load.statusErrors.get() == 0);
                });
    }

    void restartPostgresUnderLoad() throws Exception {
        steadyDrill(new Outcome("PostgreSQL restarted under load", "Steady submissions at " + rate + "/s for 40 s; "
                        + "PostgreSQL is stopped at 10 s and started again at 20 s. The hub is not restarted."),
                "pg", rate, 40, services::stopPostgres, services::startPostgres, 20, Duration.ofMinutes(5),
                (outcome, load) -> {
                    outcome.check("refusals during the outage were 503 with Retry-After",
                            outcome.refusals.keySet().stream().allMatch(k -> k.equals("503 Retry-After")));
                    outcome.check("submissions accepted again after the restart", load.acceptedAfter(Duration.ofSeconds(25)));
                });
    }

    void stopAzuriteUnderLoad() throws Exception {
        steadyDrill(new Outcome("Azurite stopped for 30 s under load", "Steady submissions at " + rate + "/s for 60 s; "
                        + "the blob store is stopped at 10 s and started again at 40 s. Afterwards every API call must "
                        + "be in the audit log exactly once."),
                "blob", rate, 60, services::stopAzurite, services::startAzurite, 40, Duration.ofMinutes(5),
                (outcome, load) -> {
                    Thread.sleep(10_000);
                    Map<String, Integer> audited = auditedCorrelationIds();
                    long missing = load.correlationIds.stream().filter(id -> !audited.containsKey(id)).count();
                    long twice = load.correlationIds.stream().filter(id -> audited.getOrDefault(id, 0) > 1).count();
                    outcome.note("Audit log: %d calls made, %d missing, %d recorded more than once.",
                            load.correlationIds.size(), missing, twice);
                    outcome.check("every call audited exactly once", missing == 0 && twice == 0);
                });
    }

    void llmFailingForAMinute() throws Exception {
        llm.latencyMs.set(200);
        int perSecond = Math.max(1, rate / 4);
        steadyDrill(new Outcome("LLM answering 500 for a minute", "Steady submissions at " + perSecond + "/s for 90 s; "
                        + "the fake LLM answers HTTP 500 from 10 s to 70 s."),
                "llm", perSecond, 90, () -> llm.status.set(500), () -> llm.status.set(200), 70, Duration.ofMinutes(10),
                (outcome, load) -> {
                    try (Connection db = db()) {
                        int partial = BatchBenchmark.scalar(db, "SELECT count(*) FROM reports WHERE partial");
                        outcome.note("%d reports marked partial (guidelines in ERROR while the LLM failed).", partial);
                        outcome.check("jobs that met the outage completed partial", partial > 0);
                    }
                    outcome.check("no job left RUNNING", outcome.running == 0);
                });
    }

    interface Checks {
        void apply(Outcome outcome, Load load) throws Exception;
    }

    /** Steady submissions to one hub for {@code seconds}; {@code breakIt} at 10 s, {@code repair} at {@code repairAt} s. */
    void steadyDrill(Outcome outcome, String hubName, int perSecond, int seconds, Step breakIt, Step repair,
                     int repairAt, Duration finishWithin, Checks checks) throws Exception {
        try (HubProcess hub = hub(hubName); Load load = new Load(outcome, List.of(hub))) {
            load.steady(perSecond, Duration.ofSeconds(seconds),
                    Map.of(Duration.ofSeconds(10), breakIt, Duration.ofSeconds(repairAt), repair));
            awaitAllFinished(outcome, finishWithin);
            checks.apply(outcome, load);
        }
        outcomes.add(outcome);
    }

    // ---------------------------------------------------------------- hubs, load and accounting

    HubProcess hub(String name) throws Exception {
        List<String> args = new ArrayList<>(IsolatedServices.hubArgs());
        args.addAll(List.of("--hub.instance-id=drill-" + name, "--hub.region=drill",
                "--hub.data-dir=" + work.resolve(name), "--hub.llm.enabled=true", "--hub.llm.url=" + llm.url(),
                "--hub.guidelines.dir=src/test/resources/guideline-sets"));
        return HubProcess.start("512m", work.resolve("hub-" + name + ".log"), args);
    }

    static Connection db() throws Exception {
        return DriverManager.getConnection(IsolatedServices.jdbcUrl(), "postgres", "");
    }

    /** Waits until every job of the outcome's drill has ended, then counts them. */
    Duration awaitAllFinished(Outcome outcome, Duration timeout) throws Exception {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection db = db()) {
                if (BatchBenchmark.scalar(db, "SELECT count(*) FROM jobs WHERE external_ref LIKE '" + outcome.prefix
                        + "%' AND status IN ('QUEUED', 'RUNNING')") == 0) {
                    break;
                }
            } catch (Exception databaseDown) {
                // a drill may have PostgreSQL down for a moment
            }
            Thread.sleep(1000);
        }
        account(outcome);
        return Duration.ofNanos(System.nanoTime() - started);
    }

    void account(Outcome outcome) throws Exception {
        Map<String, List<String>> rowsByRef = new HashMap<>();
        Map<String, String> status = new HashMap<>();
        try (Connection db = db(); Statement s = db.createStatement();
             ResultSet r = s.executeQuery("SELECT CAST(id AS text), external_ref, status FROM jobs WHERE external_ref LIKE '"
                     + outcome.prefix + "%'")) {
            while (r.next()) {
                rowsByRef.computeIfAbsent(r.getString(2), k -> new ArrayList<>()).add(r.getString(1));
                status.put(r.getString(1), r.getString(3));
            }
        }
        for (Map.Entry<String, String> accepted : outcome.accepted.entrySet()) {
            String jobId = accepted.getValue();
            String st = status.get(jobId);
            if ("COMPLETED".equals(st)) {
                outcome.completed++;
            } else if ("FAILED".equals(st)) {
                outcome.failed++;
            } else if (st == null) {
                outcome.lost++;
            } else {
                outcome.lost++;
                if ("RUNNING".equals(st)) {
                    outcome.running++;
                }
            }
        }
        for (Map.Entry<String, List<String>> rows : rowsByRef.entrySet()) {
            boolean told = outcome.accepted.containsKey(rows.getKey());
            outcome.duplicated += rows.getValue().size() - (told ? 1 : 0);
        }
        outcome.check("nothing lost", outcome.lost == 0);
        outcome.check("nothing duplicated", outcome.duplicated == 0);
    }

    Map<String, Integer> auditedCorrelationIds() {
        BlobContainerClient container = new BlobServiceClientBuilder()
                .connectionString(IsolatedServices.blobConnectionString()).buildClient().getBlobContainerClient("audit-logs");
        Map<String, Integer> counts = new HashMap<>();
        for (BlobItem item : container.listBlobs()) {
            String content = container.getBlobClient(item.getName()).downloadContent().toString();
            for (String line : content.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode record = JSON.readTree(line);
                    counts.merge(record.path("correlationId").asText(), 1, Integer::sum);
                } catch (Exception e) {
                    counts.merge("unreadable", 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    interface Step {
        void run() throws Exception;
    }

    /** Submissions (and status reads) of one drill, each with its own externalRef and correlation id. */
    final class Load implements AutoCloseable {
        final Outcome outcome;
        final List<HubProcess> hubs;
        final ExecutorService pool = Executors.newFixedThreadPool(16);
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger statusErrors = new AtomicInteger();
        /** The correlation ids of the calls the hub answered (a call that got no answer may never have reached it). */
        final Set<String> correlationIds = ConcurrentHashMap.newKeySet();
        final Map<Long, Boolean> acceptedAt = new ConcurrentHashMap<>();
        final long started = System.nanoTime();

        Load(Outcome outcome, List<HubProcess> hubs) {
            this.outcome = outcome;
            this.hubs = hubs;
        }

        void submit(HubProcess hub) {
            pool.submit(() -> submitNow(hub, false));
        }

        /** rate submissions per second for the duration, running each step when its time comes. */
        void steady(int perSecond, Duration duration, Map<Duration, Step> steps) throws Exception {
            TreeMap<Long, Step> due = new TreeMap<>();
            steps.forEach((at, step) -> due.put(started + at.toNanos(), step));
            long intervalNanos = 1_000_000_000L / perSecond;
            long end = started + duration.toNanos();
            for (long t = started; t < end; t += intervalNanos) {
                while (!due.isEmpty() && due.firstKey() <= System.nanoTime()) {
                    Step step = due.pollFirstEntry().getValue();
                    step.run();
                    outcome.note("%.0f s: outage step done", (System.nanoTime() - started) / 1e9);
                }
                long wait = t - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                HubProcess hub = hubs.get(next.get() % hubs.size());
                pool.submit(() -> submitNow(hub, true));
            }
            pool.shutdown();
            pool.awaitTermination(2, TimeUnit.MINUTES);
        }

        void submitNow(HubProcess hub, boolean readStatus) {
            int n = next.getAndIncrement();
            String ref = outcome.prefix + n;
            String correlationId = UUID.randomUUID().toString();
            // The reference makes every article new to the unit cache, so every job asks the LLM.
            String body = "{\"externalRef\": \"" + ref + "\", \"guidelineSet\": \"it-llm\", \"article\": {\"text\": "
                    + "\"Drill article " + ref + " about a savings plan with target returns.\"}}";
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(hub.uri("/api/v1/jobs"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                        .header("X-Correlation-ID", correlationId)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                correlationIds.add(correlationId);
                if (r.statusCode() == 202) {
                    String jobId = JSON.readTree(r.body()).path("jobId").asText();
                    outcome.accepted.put(ref, jobId);
                    acceptedAt.put(System.nanoTime() - started, true);
                    if (readStatus) {
                        readStatus(hub, jobId);
                    }
                } else {
                    outcome.refuse(r.statusCode() + (r.headers().firstValue("Retry-After").isPresent() ? " Retry-After" : ""));
                }
            } catch (Exception e) {
                outcome.refuse(e.getClass().getSimpleName());
            }
        }

        void readStatus(HubProcess hub, String jobId) {
            String correlationId = UUID.randomUUID().toString();
            try {
                int code = http.send(HttpRequest.newBuilder(hub.uri("/api/v1/jobs/" + jobId)).timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + token).header("X-Correlation-ID", correlationId).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                correlationIds.add(correlationId);
                if (code != 200) {
                    statusErrors.incrementAndGet();
                }
            } catch (Exception e) {
                statusErrors.incrementAndGet();
            }
        }

        boolean acceptedAfter(Duration at) {
            return acceptedAt.keySet().stream().anyMatch(t -> t > at.toNanos());
        }

        @Override
        public void close() {
            pool.shutdownNow();
        }
    }

    /** What one drill submitted and what became of it. */
    static final class Outcome {
        final String name;
        final String setup;
        final String prefix = "drill-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        final Map<String, String> accepted = new ConcurrentHashMap<>();
        final Map<String, Integer> refusals = new ConcurrentHashMap<>();
        final List<String> notes = new ArrayList<>();
        final Map<String, Boolean> checks = new java.util.LinkedHashMap<>();
        int completed;
        int failed;
        int lost;
        int running;
        int duplicated;
        Duration recovery;

        Outcome(String name, String setup) {
            this.name = name;
            this.setup = setup;
        }

        int submitted() {
            return accepted.size();
        }

        int refused() {
            return refusals.values().stream().mapToInt(Integer::intValue).sum();
        }

        void refuse(String why) {
            refusals.merge(why, 1, Integer::sum);
        }

        synchronized void note(String format, Object... args) {
            String line = String.format(Locale.ROOT, format, args);
            notes.add(line);
            System.out.println("[drills] " + name + ": " + line);
        }

        void check(String what, boolean ok) {
            checks.put(what, ok);
        }

        boolean passed() {
            return checks.values().stream().allMatch(Boolean::booleanValue);
        }
    }

    // ---------------------------------------------------------------- the report

    static final String RERUN = """
            Rerun: `scripts/drills.sh` (about 15 minutes on 2 cores; `DRILL_JOBS`, `DRILL_RATE` set the load). It needs
            root for `runuser -u postgres` (the drills' own PostgreSQL cluster) and exits non-zero when a drill fails.
            **RTO** is measured by the kill drill (the time until every job of the dead instance is taken over).
            **RPO** for accepted work is 0 on one region: a submission is answered 202 only after its job row is
            committed, which the PostgreSQL drill checks (no 202 without a stored job). The cross-region RPO is that
            of PostgreSQL's geo-replication, see [disaster-recovery.md](disaster-recovery.md); it cannot be drilled here.

            """;

    String markdown() {
        StringBuilder md = new StringBuilder("# Reliability drills\n\n");
        md.append("Generated by `scripts/drills.sh` (class `bench.Drills`) on ")
                .append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores. Each drill runs hubs in JVMs of ")
                .append("their own against a PostgreSQL cluster, a Redis and an Azurite of the drills' own (ports ")
                .append(IsolatedServices.PG_PORT).append(", ").append(IsolatedServices.REDIS_PORT).append(", ")
                .append(IsolatedServices.AZURITE_PORT).append("), and a fake LLM on loopback. Every job is ")
                .append("accounted for from PostgreSQL at the end; **lost** and **duplicated** must be 0.\n\n")
                .append(RERUN)
                .append("| Drill | Submitted (202) | Refused | Completed | Failed | Duplicated | Lost | Passed |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (Outcome o : outcomes) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d %s | %d | %d | %d | %d | %s |%n", o.name, o.submitted(),
                    o.refused(), o.refusals.isEmpty() ? "" : o.refusals.toString(), o.completed, o.failed, o.duplicated,
                    o.lost, o.passed() ? "yes" : "**no**"));
        }
        for (Outcome o : outcomes) {
            md.append("\n## ").append(o.name).append("\n\n").append(o.setup).append("\n\n");
            o.notes.forEach(n -> md.append("- ").append(n).append('\n'));
            o.checks.forEach((what, ok) -> md.append("- ").append(ok ? "✔ " : "✘ ").append(what).append('\n'));
        }
        return md.toString();
    }

    static List<String> ids(Connection db, String sql) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                ids.add(r.getString(1));
            }
        }
        return ids;
    }

    static void awaitCount(Connection db, String sql, int atLeast, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (BatchBenchmark.scalar(db, sql) < atLeast) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for: " + sql);
            }
            Thread.sleep(200);
        }
    }
}
