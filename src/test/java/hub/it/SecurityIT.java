package hub.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.web.FilterChainProxy;

/** Bearer tokens, ownership, actuator access, CORS and headers, idempotency, rate and size limits, over HTTP. */
class SecurityIT extends LocalServicesIT {

    static final String ADDIN_ORIGIN = "https://addin.example.test";

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    ApplicationContext context;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"none", "garbage", "expired", "not yet valid", "wrong audience", "wrong issuer",
        "alg none", "tampered", "unsigned", "wrong key", "no subject"})
    void forgedOrMissingTokensAre401WithWwwAuthenticate(String forgery) {
        long jobsBefore = jobCount();
        HttpResponse<String> r = hub.withToken(forged(forgery)).post("/api/v1/jobs", "application/json",
                submission("it-rules", "An article with a forged token."));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        if (!forgery.equals("none")) {
            assertThat(r.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
        }
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(HubClient.json(r).path("status").asInt()).isEqualTo(401);
        assertThat(jobCount()).isEqualTo(jobsBefore);
        assertThat(hub.get("/api/v1/guideline-sets").statusCode()).as("the hub still answers").isEqualTo(200);
    }

    private static String forged(String forgery) {
        Instant now = Instant.now();
        String good = TestTokens.mint("mallory", TestTokens.TENANT);
        return switch (forgery) {
            case "none" -> null;
            case "garbage" -> "not.a.jwt";
            case "expired" -> TestTokens.sign(TestTokens.SECRET, TestTokens.claims("mallory", TestTokens.TENANT, List.of())
                    .expirationTime(Date.from(now.minusSeconds(120))).build());
            case "not yet valid" -> TestTokens.sign(TestTokens.SECRET, TestTokens.claims("mallory", TestTokens.TENANT,
                    List.of()).notBeforeTime(Date.from(now.plusSeconds(600))).build());
            case "wrong audience" -> TestTokens.sign(TestTokens.SECRET, TestTokens.claims("mallory", TestTokens.TENANT,
                    List.of()).audience("another-api").build());
            case "wrong issuer" -> TestTokens.sign(TestTokens.SECRET, TestTokens.claims("mallory", TestTokens.TENANT,
                    List.of()).issuer("https://evil.example").build());
            case "alg none" -> new PlainJWT(TestTokens.claims("mallory", TestTokens.TENANT, List.of()).build()).serialize();
            case "tampered" -> {
                String[] parts = good.split("\\.");
                String payload = Base64URL.encode(TestTokens.claims("mallory", TestTokens.TENANT,
                        List.of("compliance-admin")).build().toString()).toString();
                yield parts[0] + "." + payload + "." + parts[2];
            }
            case "unsigned" -> good.substring(0, good.lastIndexOf('.') + 1);
            case "wrong key" -> TestTokens.sign("another-secret-that-is-also-32-bytes-long!",
                    TestTokens.claims("mallory", TestTokens.TENANT, List.of()).build());
            case "no subject" -> TestTokens.sign(TestTokens.SECRET, new JWTClaimsSet.Builder(
                    TestTokens.claims("x", TestTokens.TENANT, List.of()).build()).subject(null).build());
            default -> throw new IllegalArgumentException(forgery);
        };
    }

    @Test
    void anotherUsersJobIs404AndAnAdminOfTheTenantReadsIt() {
        String jobId = hub.submit(submission("it-rules", "Alice's unpublished article."));
        hub.awaitReport(jobId);
        assertThat(hub.get("/api/v1/jobs/" + jobId).headers().firstValue("X-Status-Source")).contains("cache");

        for (HubClient other : List.of(hub.as("bob", TestTokens.TENANT), hub.as(TestTokens.SUBJECT, "other-tenant"),
                hub.as("eve", "other-tenant", "compliance-admin"))) {
            HttpResponse<String> status = other.get("/api/v1/jobs/" + jobId);
            assertThat(status.statusCode()).as(status.body()).isEqualTo(404);
            assertThat(status.body()).doesNotContain("Alice").contains("does not exist");
            assertThat(other.get("/api/v1/jobs/" + jobId + "/result").statusCode()).isEqualTo(404);
        }
        HubClient admin = hub.as("carol", TestTokens.TENANT, "compliance-admin");
        assertThat(admin.get("/api/v1/jobs/" + jobId).statusCode()).isEqualTo(200);
        assertThat(admin.get("/api/v1/jobs/" + jobId + "/result").statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForMap("SELECT submitter_subject, submitter_tenant FROM jobs WHERE id = CAST(? AS uuid)", jobId))
                .containsEntry("submitter_subject", TestTokens.SUBJECT).containsEntry("submitter_tenant", TestTokens.TENANT);
    }

    @Test
    void batchesBelongToTheTokenAndOthersGet404() {
        String batch = "{\"batchId\": \"sec-" + UUID.randomUUID() + "\", \"items\": [{\"externalRef\": \"a\", "
                + "\"guidelineSet\": \"it-rules\", \"article\": {\"text\": \"One article.\"}}]}";
        HttpResponse<String> accepted = hub.post("/api/v1/batches", "application/json", batch);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = HubClient.json(accepted).path("id").asText();

        assertThat(HubClient.json(hub.get("/api/v1/batches/" + id)).path("submitter").asText()).isEqualTo(TestTokens.SUBJECT);
        assertThat(hub.as("bob", TestTokens.TENANT).get("/api/v1/batches/" + id).statusCode()).isEqualTo(404);
        assertThat(hub.as("bob", TestTokens.TENANT).get("/api/v1/batches/" + id + "/results").statusCode()).isEqualTo(404);
        assertThat(hub.as("carol", TestTokens.TENANT, "compliance-admin").get("/api/v1/batches/" + id).statusCode()).isEqualTo(200);

        HttpResponse<String> spoofed = hub.post("/api/v1/batches", "application/json",
                batch.replace("{\"batchId\": \"", "{\"submitter\": \"alice\", \"tenant\": \"t2\", \"batchId\": \"x"));
        assertThat(spoofed.statusCode()).as(spoofed.body()).isEqualTo(202);
        JsonNode owned = HubClient.json(hub.get("/api/v1/batches/" + HubClient.json(spoofed).path("id").asText()));
        assertThat(owned.path("submitter").asText()).as("the token, not the body, owns it").isEqualTo(TestTokens.SUBJECT);
    }

    @Test
    void adminEndpointsNeedTheAdminRoleAndMetricsNeedAToken() {
        assertThat(hub.get("/api/v1/admin/dead-letters").statusCode()).isEqualTo(403);
        assertThat(hub.as("carol", TestTokens.TENANT, "compliance-admin").get("/api/v1/admin/dead-letters").statusCode())
                .isEqualTo(200);
        HubClient anonymous = hub.withToken(null);
        assertThat(anonymous.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(hub.as("bob", TestTokens.TENANT).get("/actuator/prometheus").statusCode()).isEqualTo(403);
        assertThat(hub.get("/actuator/prometheus").statusCode()).isEqualTo(200);
    }

    @Test
    void theRulesAreMatchedAsPathsWithoutSpringMvcsHandlerLookup() {
        assertThat(context.getBean("springSecurityFilterChain"))
                .as("the security chain itself, not wrapped in the HandlerMappingIntrospector's cache filter")
                .isInstanceOf(FilterChainProxy.class);
        assertThat(hub.get("/api/v1/admin/dead-letters/").statusCode()).isEqualTo(403);
        assertThat(hub.get("/api/v1/admin").statusCode()).isEqualTo(403);
        assertThat(hub.withToken(null).get("/api/v1/jobs/" + UUID.randomUUID()).statusCode()).isEqualTo(401);
        assertThat(hub.withToken(null).get("/api/unknown").statusCode()).isEqualTo(401);
        assertThat(hub.withToken(null).get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(hub.withToken(null).get("/actuator/camelroutes").statusCode()).isEqualTo(401);
        assertThat(hub.get("/actuator/camelroutes").statusCode()).isEqualTo(403);
    }

    @Test
    void corsAllowsTheAddInOriginOnlyAndResponsesCarrySecurityHeaders() {
        HttpResponse<String> preflight = hub.withToken(null).send(hub.withToken(null).request("/api/v1/jobs")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", ADDIN_ORIGIN).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key"));
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(ADDIN_ORIGIN);

        HttpResponse<String> foreign = hub.withToken(null).send(hub.withToken(null).request("/api/v1/jobs")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST"));
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        HttpResponse<String> r = hub.get("/api/v1/guideline-sets", "Origin", ADDIN_ORIGIN);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).contains(ADDIN_ORIGIN);
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(r.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("frame-ancestors 'none'"));
        assertThat(r.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(r.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    }

    @Test
    void anIdempotencyKeyReplaysTheSameJobAndRefusesAnotherBody() {
        String key = "key-" + UUID.randomUUID();
        String body = submission("it-rules", "An idempotent article.");
        HttpResponse<String> first = hub.post("/api/v1/jobs", "application/json", HttpRequest.BodyPublishers.ofString(body),
                "Idempotency-Key", key);
        HttpResponse<String> again = hub.post("/api/v1/jobs", "application/json", HttpRequest.BodyPublishers.ofString(body),
                "Idempotency-Key", key);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
        String jobId = HubClient.json(first).path("jobId").asText();
        assertThat(HubClient.json(again).path("jobId").asText()).isEqualTo(jobId);
        assertThat(again.headers().firstValue("Location")).contains("/api/v1/jobs/" + jobId);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotency_keys WHERE idem_key = ?", Long.class, key)).isEqualTo(1);

        long jobsBefore = jobCount();
        HttpResponse<String> otherBody = hub.post("/api/v1/jobs", "application/json",
                HttpRequest.BodyPublishers.ofString(submission("it-rules", "Another article.")), "Idempotency-Key", key);
        assertThat(otherBody.statusCode()).as(otherBody.body()).isEqualTo(422);
        assertThat(HubClient.json(otherBody).path("jobId").asText()).isEqualTo(jobId);
        assertThat(jobCount()).isEqualTo(jobsBefore);

        HttpResponse<String> otherUser = hub.as("bob", TestTokens.TENANT).post("/api/v1/jobs", "application/json",
                HttpRequest.BodyPublishers.ofString(body), "Idempotency-Key", key);
        assertThat(HubClient.json(otherUser).path("jobId").asText()).as("keys are per subject").isNotEqualTo(jobId);

        String batch = "{\"batchId\": \"idem-" + UUID.randomUUID() + "\", \"items\": [{\"externalRef\": \"a\", "
                + "\"guidelineSet\": \"it-rules\", \"article\": {\"text\": \"One article.\"}}]}";
        String batchKey = "batch-" + UUID.randomUUID();
        assertThat(hub.post("/api/v1/batches", "application/json", HttpRequest.BodyPublishers.ofString(batch),
                "Idempotency-Key", batchKey).statusCode()).isEqualTo(202);
        HttpResponse<String> batchAgain = hub.post("/api/v1/batches", "application/json",
                HttpRequest.BodyPublishers.ofString(batch), "Idempotency-Key", batchKey);
        assertThat(HubClient.json(batchAgain).path("duplicate").asBoolean()).isTrue();
        assertThat(hub.post("/api/v1/batches", "application/json", HttpRequest.BodyPublishers.ofString(
                batch.replace("One article.", "Changed.")), "Idempotency-Key", batchKey).statusCode()).isEqualTo(422);
    }

    @Test
    void eachCallerHasItsOwnRateLimitSharedThroughRedis() {
        String subject = "burst-" + UUID.randomUUID();
        HubClient bursty = hub.as(subject, TestTokens.TENANT);
        // 200 calls from 16 threads: far faster than the 20/s refill on any machine, however loaded.
        List<HttpResponse<String>> answers;
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            answers = callers.invokeAll(java.util.Collections.nCopies(200,
                            (java.util.concurrent.Callable<HttpResponse<String>>) () -> bursty.get("/api/v1/guideline-sets")))
                    .stream().map(f -> {
                        try {
                            return f.get();
                        } catch (Exception e) {
                            throw new AssertionError(e);
                        }
                    }).toList();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        } finally {
            callers.shutdownNow();
        }

        HttpResponse<String> limited = answers.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow(
                () -> new AssertionError("no 429 in 200 calls"));
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(HubClient.json(limited).path("type").asText()).endsWith("rate-limited");
        assertThat(answers.stream().filter(r -> r.statusCode() == 200).count()).isGreaterThanOrEqualTo(40);
        assertThat(redis.hasKey("gtc:ratelimit:api:" + TestTokens.TENANT + ":" + subject)).isTrue();
        assertThat(hub.as("calm-" + UUID.randomUUID(), TestTokens.TENANT).get("/api/v1/guideline-sets").statusCode())
                .isEqualTo(200);
    }

    @Test
    void bodiesAboveTheLimitAre413AndStoreNothing() {
        long jobsBefore = jobCount();
        HttpResponse<String> tenMegabytes = hub.post("/api/v1/jobs", "application/json",
                submission("it-rules", "a".repeat(10 * 1024 * 1024)));
        assertThat(tenMegabytes.statusCode()).as(tenMegabytes.body()).isEqualTo(413);
        assertThat(HubClient.json(tenMegabytes).path("type").asText()).endsWith("body-too-large");

        String big = submission("it-rules", "b".repeat(5 * 1024 * 1024));
        HttpResponse<String> chunked = hub.post("/api/v1/jobs", "application/json", chunked(big));
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
        assertThat(jobCount()).isEqualTo(jobsBefore);
        assertThat(hub.get("/api/v1/guideline-sets").statusCode()).isEqualTo(200);
    }

    /** A body without Content-Length, sent in chunks. */
    private static HttpRequest.BodyPublisher chunked(String body) {
        HttpRequest.BodyPublisher inner = HttpRequest.BodyPublishers.ofString(body);
        return new HttpRequest.BodyPublisher() {
            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void subscribe(Flow.Subscriber<? super java.nio.ByteBuffer> subscriber) {
                inner.subscribe(subscriber);
            }
        };
    }

    private long jobCount() {
        return jdbc.queryForObject("SELECT count(*) FROM jobs", Long.class);
    }
}
