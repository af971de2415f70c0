package bench;

import hub.it.TestTokens;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hub started for a benchmark in a JVM of its own (the test classpath, profile {@code local}), so that its CPU
 * time, threads and memory are its own and read from /proc and its Prometheus endpoint.
 */
final class HubProcess implements AutoCloseable {

    private static final Pattern HEAP = Pattern.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} (\\S+)$",
            Pattern.MULTILINE);
    private static final Pattern AUDIT_WAITING = Pattern.compile(
            "^compliance_audit_records_waiting(?:\\{[^}]*})? (\\S+)$", Pattern.MULTILINE);
    private static final Pattern THREADS = Pattern.compile("^jvm_threads_live_threads(?:\\{[^}]*})? (\\S+)$",
            Pattern.MULTILINE);

    final int port;
    final Path log;
    private final Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HubProcess(int port, Path log, Process process) {
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts a hub with {@code -Xmx<heap>} and the given Spring arguments, and waits until it is ready. */
    static HubProcess start(String heap, Path log, List<String> args) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx" + heap));
        command.addAll(jvmOptions());
        command.addAll(List.of(
                "-cp", System.getProperty("java.class.path"),
                "hub.ComplianceHubApplication",
                "--spring.profiles.active=local,it",
                "--server.port=" + port,
                "--hub.security.jwt.secret=" + TestTokens.SECRET,
                // The benchmarks measure throughput from one caller; the per-caller limit still runs, out of the way.
                "--hub.api.rate-limit.per-second=1000000",
                "--hub.api.rate-limit.burst=1000000",
                "--logging.level.root=WARN"));
        command.addAll(args);
        return launch(port, log, command, "/actuator/health/readiness");
    }

    /**
     * The bare floors (bench/bare, issue 25): the same Spring Boot and Camel on platform-http with nothing of the hub's
     * around them, from the jar scripts/bench-load.sh packages, on the hub's JVM and heap, in a JVM of its own.
     */
    static HubProcess startBare(String heap, Path jar, Path log, String dbUrl) throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: ./mvnw -B -f bench/bare/pom.xml package (scripts/bench-load.sh does)");
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx" + heap));
        command.addAll(jvmOptions());
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--spring.datasource.url=" + dbUrl));
        return launch(port, log, command, "/bench/floor/constant");
    }

    /** The JVM the hubs run on: BENCH_JAVA_HOME (e.g. a Java 25 JDK for virtual threads), else the benchmark's own. */
    static String java() {
        return Path.of(System.getenv().getOrDefault("BENCH_JAVA_HOME", System.getProperty("java.home")), "bin", "java").toString();
    }

    /**
     * Extra JVM options for the hubs and the bare floors, space-separated: BENCH_JVM_OPTS. JFR's stack depth is not
     * among them: {@code -XX:FlightRecorderOptions} would set up the flight recorder at start-up for the measured runs
     * too, so {@link #startDeepRecording} sets it just before the profiled runs.
     */
    static List<String> jvmOptions() {
        String options = System.getenv().getOrDefault("BENCH_JVM_OPTS", "").trim();
        List<String> given = options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
        // G1 unless the options choose a collector: the JVM refuses two
        boolean collectorGiven = given.stream().anyMatch(o -> o.matches("-XX:\\+Use\\w+GC"));
        List<String> all = new ArrayList<>(collectorGiven ? List.of() : List.of("-XX:+UseG1GC"));
        all.addAll(given);
        return all;
    }

    /**
     * Starts a JFR recording with stacks up to 2,048 frames, so that its samples reach Tomcat's frames below the
     * filter chain (FilterChainProfile). The depth can only be set before the JVM's first recording; a later call
     * keeps the depth the first one set.
     */
    void startDeepRecording(List<String> start) throws Exception {
        jcmd("JFR.configure", "stackdepth=2048");
        jcmd(start.toArray(String[]::new));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static HubProcess launch(int port, Path log, List<String> command, String readyPath) throws Exception {
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // A benchmark stopped with Ctrl-C or kill takes its hubs with it.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        HubProcess hub = new HubProcess(port, log, process);
        hub.awaitReady(readyPath, Duration.ofSeconds(120));
        return hub;
    }

    private void awaitReady(String readyPath, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the hub exited; see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(uri(readyPath)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the hub did not become ready in " + timeout + "; see " + log);
    }

    /** A bearer token of a benchmark caller, signed with the secret the hub was started with. */
    static String token() {
        return TestTokens.sign(TestTokens.SECRET, TestTokens.claims("bench", "bench",
                List.of("compliance-admin", "compliance-metrics")).build());
    }

    long pid() {
        return process.pid();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    String metrics() throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/actuator/prometheus")).header("Authorization", "Bearer " + token()).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Heap in use, summed over the heap pools, from the hub's own meters. */
    long heapUsed() throws Exception {
        return (long) sum(HEAP, metrics());
    }

    int liveThreads() throws Exception {
        return (int) sum(THREADS, metrics());
    }

    /**
     * Waits until the audit log has appended every record it buffered, or {@code limit} has passed; answers the seconds
     * waited. The appends go to Azurite on the same two cores, so a run right after a busy one would share the CPU
     * with the earlier run's audit records.
     */
    double awaitAuditDrained(Duration limit) throws Exception {
        long started = System.nanoTime();
        while (sum(AUDIT_WAITING, metrics()) > 0 && System.nanoTime() - started < limit.toNanos()) {
            Thread.sleep(100);
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private static double sum(Pattern pattern, String metrics) {
        double sum = 0;
        Matcher m = pattern.matcher(metrics);
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }

    /** utime + stime of the hub process, in clock ticks (USER_HZ = 100 on Linux). */
    long cpuTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** Runs {@code jcmd <pid> <command...>} and answers its output. */
    String jcmd(String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(Path.of(Path.of(java()).getParent().toString(), "jcmd").toString(),
                String.valueOf(process.pid())));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        jcmd.waitFor();
        return output;
    }

    /** Methods waiting for the JIT's optimizing compiler (C2), from {@code jcmd <pid> Compiler.queue}. */
    int c2Queue() throws Exception {
        String output = jcmd("Compiler.queue");
        int start = output.indexOf("C2 compile queue:");
        if (start < 0) {
            throw new IllegalStateException("no C2 queue in jcmd's answer: " + output);
        }
        return (int) output.substring(start).lines().skip(1).filter(line -> !line.isBlank() && !line.equals("Empty")).count();
    }

    /**
     * Waits, idle, until the optimizing compiler has caught up (fewer than 50 methods queued twice in a row) or the
     * limit has passed, and answers the seconds waited. With one C2 thread on two cores, a fresh hub under load had
     * 3,000 methods queued after three minutes, and the compiler took one core for as long as they lasted.
     */
    double awaitJitSettled(Duration limit) throws Exception {
        long started = System.nanoTime();
        long deadline = started + limit.toNanos();
        int below = 0;
        while (below < 2 && System.nanoTime() < deadline) {
            below = c2Queue() < 50 ? below + 1 : 0;
            if (below < 2) {
                Thread.sleep(2_000);
            }
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /** Peak resident set size (VmHWM), in KiB. */
    long rssPeakKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    /** kill -9: no shutdown hook, no graceful stop. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
