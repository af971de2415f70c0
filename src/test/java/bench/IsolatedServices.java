package bench;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL, Redis and Azurite of the drills' own, on ports of their own and in a directory of their own, so that a
 * drill can stop and restart them without touching the services every other test uses. PostgreSQL is a fresh
 * cluster made with the Debian package's initdb, run as the postgres user; Azurite is the binary
 * scripts/local-services.sh installs (AZURITE_BIN).
 */
final class IsolatedServices implements AutoCloseable {

    static final int PG_PORT = 55432;
    static final int REDIS_PORT = 56379;
    static final int AZURITE_PORT = 50000;
    static final String AZURITE_KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private final Path dir;
    private final Path pgData;
    private final String pgBin;
    private final String azuriteBin;
    private Process azurite;

    IsolatedServices(Path dir) throws Exception {
        this.dir = dir;
        this.pgData = dir.resolve("pg");
        this.pgBin = postgresBin();
        this.azuriteBin = System.getenv().getOrDefault("AZURITE_BIN", ".tools/azurite/node_modules/.bin/azurite-blob");
    }

    static String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + PG_PORT + "/test?currentSchema=compliance_hub";
    }

    static String blobConnectionString() {
        return "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + AZURITE_KEY
                + ";BlobEndpoint=http://127.0.0.1:" + AZURITE_PORT + "/devstoreaccount1;";
    }

    /** The Spring arguments that point a hub at these services. */
    static List<String> hubArgs() {
        return List.of(
                "--spring.datasource.url=" + jdbcUrl(),
                "--spring.flyway.schemas=compliance_hub",
                "--spring.data.redis.url=redis://127.0.0.1:" + REDIS_PORT,
                "--hub.cache.status-uri=spring-redis://127.0.0.1:" + REDIS_PORT + "?redisTemplate=#stringRedisTemplate",
                "--hub.blob.connection-string=" + blobConnectionString());
    }

    void startAll() throws Exception {
        run(List.of("rm", "-rf", dir.toString()));
        Files.createDirectories(dir);
        run(List.of("chown", "postgres", dir.toString()));
        asPostgres(pgBin + "/initdb", "-D", pgData.toString(), "-A", "trust", "-U", "postgres", "--no-sync");
        startPostgres();
        asPostgres(pgBin + "/createdb", "-h", "127.0.0.1", "-p", String.valueOf(PG_PORT), "-U", "postgres", "test");
        startRedis();
        startAzurite();
    }

    void startPostgres() throws Exception {
        asPostgres(pgBin + "/pg_ctl", "-D", pgData.toString(), "-l", pgData.resolve("log").toString(), "-w", "-o",
                "-p " + PG_PORT + " -k /tmp -c listen_addresses=127.0.0.1", "start");
    }

    void stopPostgres() throws Exception {
        asPostgres(pgBin + "/pg_ctl", "-D", pgData.toString(), "-m", "fast", "-w", "stop");
    }

    void startRedis() throws Exception {
        run(List.of("redis-server", "--port", String.valueOf(REDIS_PORT), "--bind", "127.0.0.1", "--save", "",
                "--appendonly", "no", "--daemonize", "yes", "--dir", dir.toString(),
                "--pidfile", dir.resolve("redis.pid").toString(), "--logfile", dir.resolve("redis.log").toString()));
        awaitPort(REDIS_PORT);
    }

    void stopRedis() throws Exception {
        run(List.of("redis-cli", "-p", String.valueOf(REDIS_PORT), "shutdown", "nosave"), true);
        awaitClosed(REDIS_PORT);
    }

    void startAzurite() throws Exception {
        Path data = dir.resolve("azurite");
        Files.createDirectories(data);
        azurite = new ProcessBuilder(azuriteBin, "--blobHost", "127.0.0.1", "--blobPort", String.valueOf(AZURITE_PORT),
                "--location", data.toString(), "--silent", "--skipApiVersionCheck")
                .redirectErrorStream(true).redirectOutput(dir.resolve("azurite.log").toFile()).start();
        awaitPort(AZURITE_PORT);
    }

    /**
     * A graceful stop first, so that Azurite writes what it acknowledged to disk (a real blob store never loses an
     * acknowledged write; SIGKILL would lose Azurite's last metadata); its node process ignores SIGTERM once it has
     * logged "closed", so it is killed after a few seconds.
     */
    void stopAzurite() throws Exception {
        if (azurite != null) {
            azurite.destroy();
            if (!azurite.waitFor(5, TimeUnit.SECONDS)) {
                azurite.descendants().forEach(ProcessHandle::destroyForcibly);
                azurite.destroyForcibly();
                azurite.waitFor(10, TimeUnit.SECONDS);
            }
            azurite = null;
        }
        awaitClosed(AZURITE_PORT);
    }

    @Override
    public void close() {
        try {
            stopAzurite();
        } catch (Exception e) {
            System.err.println("[drills] could not stop Azurite: " + e);
        }
        try {
            stopRedis();
        } catch (Exception e) {
            System.err.println("[drills] could not stop Redis: " + e);
        }
        try {
            stopPostgres();
        } catch (Exception e) {
            System.err.println("[drills] could not stop PostgreSQL: " + e);
        }
    }

    private void asPostgres(String... command) throws Exception {
        List<String> all = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        all.addAll(List.of(command));
        run(all);
    }

    private static void run(List<String> command) throws Exception {
        run(command, false);
    }

    private static void run(List<String> command, boolean mayFail) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0 && !mayFail) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    private static String postgresBin() throws IOException {
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.sorted().reduce((a, b) -> b).orElseThrow().resolve("bin").toString();
        }
    }

    static boolean open(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void awaitPort(int port) throws InterruptedException {
        for (int i = 0; i < 300 && !open(port); i++) {
            Thread.sleep(100);
        }
        if (!open(port)) {
            throw new IllegalStateException("nothing listens on " + port + " after 30 s");
        }
    }

    private static void awaitClosed(int port) throws InterruptedException {
        for (int i = 0; i < 100 && open(port); i++) {
            Thread.sleep(100);
        }
    }
}
