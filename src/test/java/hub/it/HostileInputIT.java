package hub.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import hub.audit.AuditLog;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 19's hostile-input suite: every class of hostile call found against a running hub, sent byte for byte over a
 * socket. Every answer must be below 500, a problem document unless it is a success, carry a correlation id that has
 * a line in the audit log, and never repeat the token; no callback may reach the loopback listener the suite runs.
 *
 * <p>By default it starts its own hub (local profile, a generated secret and the development login, a callback
 * secret, no callback allow-list). Against a hub started from the jar:
 * {@code -Dhostile.port=18419 -Dhostile.secret-file=<data-dir>/jwt-secret -Dhostile.audit-dir=<data-dir>/audit-logs}
 * (see docs/security.md).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEM = "application/problem+json";

    private record Call(String name, int status, String contentType, String correlationId) {
    }

    private static RunningHub hub;
    private static int port;
    private static String secret;
    private static Path auditDir;
    private static ServerSocket listener;
    /** On 127.0.0.2: the tests' other hubs in this JVM allow-list 127.0.0.1 for their own receivers. */
    private static ServerSocket rebound;
    private static final AtomicInteger loopbackConnections = new AtomicInteger();
    private static final List<Call> calls = new ArrayList<>();
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        listener = count(new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1")));
        rebound = count(new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.2")));
        if (System.getProperty("hostile.port") != null) {
            port = Integer.parseInt(System.getProperty("hostile.port"));
            secret = Files.readString(Path.of(System.getProperty("hostile.secret-file"))).trim();
            auditDir = Path.of(System.getProperty("hostile.audit-dir"));
        } else {
            hub = RunningHub.local("hostile-" + UUID.randomUUID(),
                    "--hub.security.jwt.secret=", "--hub.security.jwt.generate-secret=true",
                    "--hub.security.dev-login.enabled=true",
                    "--hub.data-dir=target/hostile-" + UUID.randomUUID(),
                    "--hub.batch.callback-secret=hostile-callback-secret",
                    "--hub.batch.events.interval-ms=200", "--hub.batch.events.retry.initial-delay-ms=200");
            port = Integer.parseInt(hub.context().getEnvironment().getProperty("local.server.port"));
            secret = hub.bean(hub.security.DevSecret.class).value();
        }
        token = sign(claims("hostile-writer").build());
    }

    /** Counts every connection the socket accepts, in {@link #loopbackConnections}. */
    private static ServerSocket count(ServerSocket socket) {
        Thread accepting = new Thread(() -> {
            while (!socket.isClosed()) {
                try (Socket ignored = socket.accept()) {
                    loopbackConnections.incrementAndGet();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "hostile-loopback-listener");
        accepting.setDaemon(true);
        accepting.start();
        return socket;
    }

    @AfterAll
    static void stop() throws IOException {
        listener.close();
        rebound.close();
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    @Order(1)
    void claimsOfTheWrongTypeAreAnInvalidTokenOnEveryEndpoint() throws Exception {
        for (Object roles : List.of(List.of(1), Arrays.asList(1, null), "x compliance-admin")) {
            String forged = sign(claims("mallory").claim("roles", roles).build());
            for (String path : List.of("/api/v1/guideline-sets", "/api/v1/admin/dead-letters", "/actuator/prometheus")) {
                refused("roles " + roles + " " + path, "GET", path, null, forged, 401, "invalid-token");
            }
        }
        refused("subject 5", "GET", "/api/v1/guideline-sets", null,
                sign(claims("x").claim("sub", 5).build()), 401, "invalid-token");
        refused("tenant list", "GET", "/api/v1/guideline-sets", null,
                sign(claims("x").claim("tid", List.of("t")).build()), 401, "invalid-token");
    }

    @Test
    @Order(2)
    void headerValuesWithControlCharactersOrC1BytesAre400AndNeverEchoed() throws Exception {
        refused("UTF-8 header", "GET", "/api/v1/guideline-sets", null, token, 400, "invalid-header",
                RawHttp.header("X-Anything: grüße"));
        refused("tab in Idempotency-Key", "POST", "/api/v1/jobs", job("default"), token, 400, "invalid-header",
                RawHttp.header("Idempotency-Key: a\tb"), RawHttp.header("Content-Type: application/json"));
        refused("Cyrillic Idempotency-Key", "POST", "/api/v1/jobs", job("default"), token, 400, "invalid-header",
                RawHttp.header("Idempotency-Key: ключ"), RawHttp.header("Content-Type: application/json"));
        refused("batch with tab key", "POST", "/api/v1/batches", batch("tab-key", null), token, 400, "invalid-header",
                RawHttp.header("Idempotency-Key: a\tb"), RawHttp.header("Content-Type: application/json"));
        RawHttp.Answer echoed = refused("token with a tab", "GET", "/api/v1/guideline-sets", null, null, 400,
                "invalid-header", RawHttp.header("Authorization: Bearer " + token + "\tx"));
        assertThat(echoed.body()).doesNotContain(token).doesNotContain(token.substring(0, 30));
    }

    @Test
    @Order(3)
    void theDevelopmentLoginTakesStrictJsonOnly() throws Exception {
        refused("dev-login multipart", "POST", "/auth/dev-login", "--x\r\nbroken".getBytes(StandardCharsets.UTF_8),
                null, 415, "unsupported-media-type", RawHttp.header("Content-Type: multipart/form-data; boundary=x"));
        refused("dev-login text", "POST", "/auth/dev-login", "{}".getBytes(StandardCharsets.UTF_8), null, 415,
                "unsupported-media-type", RawHttp.header("Content-Type: text/plain"));
        refused("dev-login no type", "POST", "/auth/dev-login", "{}".getBytes(StandardCharsets.UTF_8), null, 415,
                "unsupported-media-type");
        for (String body : List.of("{\"subject\": \"a\"} trailing", "{\"subject\": 5}", "{\"subject\": [\"a\"]}",
                "{\"subject\": \"a\", \"subject\": \"b\"}", "{\"subject\": \"a\", \"roles\": [\"compliance-admin\"]}")) {
            refused("dev-login " + body, "POST", "/auth/dev-login", body.getBytes(StandardCharsets.UTF_8), null, 400,
                    null, RawHttp.header("Content-Type: application/json"));
        }
        RawHttp.Answer ok = send("dev-login ok", "POST", "/auth/dev-login", "{}".getBytes(StandardCharsets.UTF_8), null,
                RawHttp.header("Content-Type: application/json"));
        assertThat(ok.status()).as("a loopback client of a hub with its own secret").isEqualTo(200);
    }

    @Test
    @Order(4)
    void callbacksToInternalAddressesAreRefusedInEverySpelling() throws Exception {
        int p = listener.getLocalPort();
        for (String host : List.of("127.0.0.1", "localhost", "LOCALHOST.", "127.000.000.001", "[::ffff:7f00:1]", "[::1]", "[::ffff:127.0.0.1]", "2130706433",
                "0x7f000001", "0177.0.0.1", "127.1", "0.0.0.0", "[::]", "169.254.169.254", "10.0.0.1",
                "192.168.1.1", "172.16.0.1", "[fd00::1]")) {
            refused("callback " + host, "POST", "/api/v1/batches",
                    batch("cb-" + UUID.randomUUID(), "https://" + host + ":" + p + "/hook"), token, 400,
                    "callback-not-allowed", RawHttp.header("Content-Type: application/json"));
        }
        refused("callback http", "POST", "/api/v1/batches",
                batch("cb-" + UUID.randomUUID(), "http://127.0.0.1:" + p + "/hook"), token, 400,
                "callback-not-allowed", RawHttp.header("Content-Type: application/json"));
    }

    @Test
    @Order(5)
    void replyToNeverNamesTheHubsOwnQueues() throws Exception {
        for (String replyTo : List.of("jobs", "queue:jobs", "batches", "mlflow-runs", "topic:jobs", "JOBS")) {
            refused("replyTo " + replyTo, "POST", "/api/v1/batches", batch("q-" + UUID.randomUUID(), replyTo), token,
                    400, "reply-to-not-allowed", RawHttp.header("Content-Type: application/json"));
        }
    }

    @Test
    @Order(6)
    void nothingIsSilentlyAltered() throws Exception {
        byte[] json = "Content-Type: application/json".getBytes(StandardCharsets.UTF_8);
        refused("NUL in guidelineSet", "POST", "/api/v1/jobs", job("default\\u0000"), token, 400, "invalid-character", json);
        refused("NUL in submitter", "POST", "/api/v1/batches", ("{\"batchId\": \"nul-" + UUID.randomUUID()
                + "\", \"submitter\": \"crm\\u0000\", \"items\": [{\"externalRef\": \"a\", \"article\": {\"text\": \"x\"}}]}")
                .getBytes(StandardCharsets.UTF_8), token, 400, "invalid-character", json);
        refused("duplicate key", "POST", "/api/v1/jobs", ("{\"article\": {\"text\": \"a\"}, \"article\": {\"text\": \"b\"}}")
                .getBytes(StandardCharsets.UTF_8), token, 400, "duplicate-key", json);
        RawHttp.Answer accepted = send("a batch", "POST", "/api/v1/batches", batch("ok-" + UUID.randomUUID(), null),
                token, json);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String id = JSON.readTree(accepted.body()).path("id").asText();
        for (String query : List.of("size=", "size=%2B5", "size=%2010", "size=-1", "page=1e2", "size=0x10")) {
            refused("page " + query, "GET", "/api/v1/batches/" + id + "/results?" + query, null, token, 400,
                    "invalid-parameter");
        }
        if (hub != null) {
            connectTimeResolutionRefusesALoopbackDestination(id);
        }
    }

    /** As if the name had been rebound after submission: the delivery's own resolver refuses it, no connection. */
    private void connectTimeResolutionRefusesALoopbackDestination(String batchId) {
        JdbcTemplate jdbc = hub.bean(JdbcTemplate.class);
        jdbc.update("INSERT INTO batch_events (batch_id, destination, payload) VALUES (CAST(? AS uuid), ?, "
                + "CAST('{}' AS json))", batchId, "https://127.0.0.2:" + rebound.getLocalPort() + "/rebound");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT last_error FROM batch_events WHERE batch_id = CAST(? AS uuid)", String.class, batchId) != null);
        assertThat(jdbc.queryForObject("SELECT last_error FROM batch_events WHERE batch_id = CAST(? AS uuid)",
                String.class, batchId)).contains("internal address");
    }

    @Test
    @Order(7)
    void whatTomcatRefusesBeforeAnyFilterIsAProblemWithACorrelationId() throws Exception {
        refused("8 KB header", "GET", "/api/v1/guideline-sets", null, null, 400, null,
                RawHttp.header("Authorization: Bearer " + "a".repeat(9000)));
        refused("NUL in path", "GET", "/api/v1/jobs/%00", null, token, 400, null);
        refused("bare CR in header", "GET", "/api/v1/guideline-sets", null, token, 400, null,
                "X-A: a\rb".getBytes(StandardCharsets.ISO_8859_1));
        refused("NUL in header", "GET", "/api/v1/guideline-sets", null, token, 400, null,
                "X-A: a\0b".getBytes(StandardCharsets.ISO_8859_1));
        refused("unknown method", "BREW", "/api/v1/jobs", null, token, 400, null);
        refused("unknown path", "GET", "/api/v1/nothing-here", null, token, 404, null);
        refused("encoded slash", "GET", "/api/v1/jobs/a%2F..%2Fb", null, token, 400, "invalid-path");
    }

    @Test
    @Order(8)
    void noCallbackReachedLoopbackAndEveryCallHasAnAuditLine() throws Exception {
        Thread.sleep(2_000); // several delivery sweeps (interval 200 ms in the suite's own hub)
        assertThat(loopbackConnections).as("connections to the loopback listener").hasValue(0);
        Set<String> ids = new HashSet<>();
        calls.forEach(c -> ids.add(c.correlationId()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> audited().containsAll(ids));
        long serverErrors = calls.stream().filter(c -> c.status() >= 500).count();
        long notProblems = calls.stream().filter(c -> c.status() >= 300)
                .filter(c -> c.contentType() == null || !c.contentType().startsWith(PROBLEM)).count();
        Set<String> audited = audited();
        long unaudited = calls.stream().filter(c -> !audited.contains(c.correlationId())).count();
        System.out.printf("HostileInputIT: %d calls, %d answers 5xx, %d refusals not problem+json, %d connections to "
                + "the loopback listener, %d calls without an audit line%n", calls.size(), serverErrors, notProblems,
                loopbackConnections.get(), unaudited);
        assertThat(serverErrors + notProblems + unaudited).isZero();
    }

    private static Set<String> audited() throws IOException {
        Set<String> ids = new HashSet<>();
        for (String line : auditLines()) {
            if (!line.isBlank()) {
                ids.add(JSON.readTree(line).path("correlationId").asText());
            }
        }
        return ids;
    }

    private static List<String> auditLines() throws IOException {
        if (auditDir != null) {
            List<String> lines = new ArrayList<>();
            try (Stream<Path> files = Files.list(auditDir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
                    lines.addAll(Files.readAllLines(file));
                }
            }
            return lines;
        }
        if (hub.bean(AuditLog.class).waiting() > 0) {
            return List.of();
        }
        BlobContainerClient container = new BlobServiceClientBuilder()
                .connectionString(hub.context().getEnvironment().getProperty("hub.blob.connection-string"))
                .buildClient().getBlobContainerClient("audit-logs");
        List<String> lines = new ArrayList<>();
        for (BlobItem item : container.listBlobs()) {
            lines.addAll(List.of(container.getBlobClient(item.getName()).downloadContent().toString().split("\n")));
        }
        return lines;
    }

    /** Sends a hostile call and checks its answer: the status, a problem document, a correlation id. */
    private static RawHttp.Answer refused(String name, String method, String path, byte[] body, String bearer,
                                          int status, String type, byte[]... headers) throws Exception {
        RawHttp.Answer answer = send(name, method, path, body, bearer, headers);
        assertThat(answer.status()).as(name + ": " + answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(name).startsWith(PROBLEM);
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("status").asInt()).as(name).isEqualTo(status);
        if (type != null) {
            assertThat(problem.path("type").asText()).as(name).endsWith("/" + type);
        }
        assertThat(problem.path("detail").asText()).as(name).doesNotContain("Exception").doesNotContain(token);
        return answer;
    }

    private static RawHttp.Answer send(String name, String method, String path, byte[] body, String bearer,
                                       byte[]... headers) throws Exception {
        String correlationId = "hostile-" + UUID.randomUUID();
        List<byte[]> all = new ArrayList<>(List.of(headers));
        all.add(RawHttp.header("X-Correlation-ID: " + correlationId));
        if (bearer != null) {
            all.add(RawHttp.header("Authorization: Bearer " + bearer));
        }
        RawHttp.Answer answer = RawHttp.send(port, RawHttp.request(method, path, body, all.toArray(byte[][]::new)));
        String echoed = answer.header("X-Correlation-ID");
        assertThat(echoed).as(name + ": a correlation id on every answer").isNotBlank();
        assertThat(answer.status()).as(name + ": never a server error").isBetween(200, 499);
        calls.add(new Call(name, answer.status(), answer.header("Content-Type"), echoed));
        return answer;
    }

    private static byte[] job(String guidelineSet) {
        return ("{\"article\": {\"text\": \"A hostile article.\"}, \"guidelineSet\": \"" + guidelineSet + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] batch(String batchId, String replyTo) throws Exception {
        Map<String, Object> batch = new java.util.LinkedHashMap<>(Map.of("batchId", batchId, "submitter", "crm",
                "items", List.of(Map.of("externalRef", "a", "article", Map.of("text", "A hostile batch article.")))));
        if (replyTo != null) {
            batch.put("replyTo", replyTo);
        }
        return JSON.writeValueAsBytes(batch);
    }

    private static JWTClaimsSet.Builder claims(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject(subject).issuer("compliance-hub").audience("compliance-hub")
                .claim("roles", List.of()).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)));
    }

    private static String sign(JWTClaimsSet claims) {
        return TestTokens.sign(secret, claims);
    }
}
