package hub.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.ProducerTemplate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Batches through the embedded queue ({@code hub.queue.batches.producer}, a seda queue) and {@code POST
 * /api/v1/batches}: fan-out into jobs, idempotency, poison messages in the dead-letter store, the batch API.
 */
class BatchIntakeIT extends LocalServicesIT {

    /**
     * Queue messages name their owner without a tenant (the default tenant), so this test reads as a compliance-admin
     * of that tenant, which also may read the dead letters and the metrics.
     */
    @org.junit.jupiter.api.BeforeEach
    void asAdminOfTheDefaultTenant() {
        hub = hub.as("it-admin", "default", "compliance-admin", "compliance-metrics");
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    CamelContext camel;

    @Autowired
    ProducerTemplate template;

    @Autowired
    ConsumerTemplate replies;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;

    @Test
    void aThousandItemBatchThroughTheQueueCompletesWithExactlyAThousandReports() throws Exception {
        String batchId = "it-big-" + UUID.randomUUID();
        String messageId = UUID.randomUUID().toString();
        String replyTo = "it-replies-" + UUID.randomUUID();

        send(batch(batchId, 1000, "it-rules", replyTo), messageId);

        String id = awaitBatch(batchId);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                count("SELECT count(*) FROM jobs WHERE batch_id = CAST(? AS uuid) AND status = 'COMPLETED'", id) == 1000);
        assertThat(count("SELECT count(*) FROM jobs WHERE batch_id = CAST(? AS uuid)", id)).isEqualTo(1000);
        assertThat(count("SELECT count(*) FROM reports r JOIN jobs j ON j.id = r.job_id WHERE j.batch_id = CAST(? AS uuid)",
                id)).isEqualTo(1000);
        assertThat(jdbc.queryForObject("SELECT message_id FROM batches WHERE id = CAST(? AS uuid)", String.class, id))
                .isEqualTo(messageId);

        JsonNode status = HubClient.json(hub.get("/api/v1/batches/" + id + "?size=100"));
        assertThat(status.path("items").asInt()).isEqualTo(1000);
        assertThat(status.path("counts").path("COMPLETED").asInt()).isEqualTo(1000);
        assertThat(status.path("progress").asDouble()).isEqualTo(1.0);
        assertThat(status.path("jobs").path("items")).hasSize(100);
        assertThat(status.path("jobs").path("links").path("next").asText())
                .isEqualTo("/api/v1/batches/" + id + "?page=1&size=100");

        List<String> refs = new ArrayList<>();
        for (int page = 0; page < 10; page++) {
            JsonNode results = HubClient.json(hub.get("/api/v1/batches/" + id + "/results?size=100&page=" + page));
            JsonNode items = results.path("results").path("items");
            assertThat(items).hasSize(100);
            for (JsonNode item : items) {
                assertThat(item.path("status").asText()).isEqualTo("COMPLETED");
                assertThat(item.path("report").path("guidelines")).hasSize(1);
                refs.add(item.path("externalRef").asText());
            }
        }
        assertThat(refs).doesNotHaveDuplicates().hasSize(1000);
        assertThat(HubClient.json(hub.get("/api/v1/batches/" + id + "/results?size=100&page=10"))
                .path("results").path("items")).isEmpty();

        String event = replies.receiveBody("seda:" + replyTo, 10_000, String.class);
        assertThat(event).as("completion event").isNotNull();
        JsonNode completion = JSON.readTree(event);
        assertThat(completion.path("type").asText()).isEqualTo("batch.completed");
        assertThat(completion.path("id").asText()).isEqualTo(id);
        assertThat(completion.path("batchId").asText()).isEqualTo(batchId);
        assertThat(completion.path("counts").path("COMPLETED").asInt()).isEqualTo(1000);
        assertThat(completion.path("links").path("results").asText()).isEqualTo("/api/v1/batches/" + id + "/results");
        JsonNode completed = HubClient.json(hub.get("/api/v1/batches/" + id));
        assertThat(completed.path("completedAt").asText()).isNotBlank();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> "DELIVERED".equals(
                HubClient.json(hub.get("/api/v1/batches/" + id)).path("completionEvent").path("state").asText()));
        assertThat(HubClient.json(hub.get("/api/v1/batches/" + id)).path("completionEvent").path("destination").asText())
                .isEqualTo(replyTo);
        Thread.sleep(1_500); // three recovery sweeps, which also look for finished batches
        assertThat(replies.receiveBodyNoWait("seda:" + replyTo)).as("a second completion event").isNull();
    }

    @Test
    void theSweepCompletesABatchWhoseLastJobEndedWithoutCompletingIt() throws Exception {
        // As after a crash between the last job's completion and the batch's: every job has ended, the batch is open.
        String id = UUID.randomUUID().toString();
        String replyTo = "it-replies-" + UUID.randomUUID();
        // One transaction, as the hub stores a batch: the sweep must never see the batch without its jobs.
        transaction.executeWithoutResult(tx -> {
            jdbc.update("INSERT INTO batches (id, external_batch_id, source, submitter, reply_to, item_count) "
                    + "VALUES (CAST(? AS uuid), ?, 'queue', 'it', ?, 2)", id, "it-crashed-" + id, replyTo);
            for (String status : List.of("COMPLETED", "FAILED")) {
                jdbc.update("INSERT INTO jobs (id, batch_id, status, source, external_ref, guideline_set_id, "
                        + "guideline_set_version, article_sha256, text_length, max_attempts) VALUES (CAST(? AS uuid), "
                        + "CAST(? AS uuid), ?, 'batch', ?, 'it-rules', '1.0.0', ?, 1, 3)",
                        UUID.randomUUID().toString(), id, status, status, "0".repeat(64));
            }
        });

        String event = replies.receiveBody("seda:" + replyTo, 10_000, String.class);

        assertThat(event).as("completion event from the sweep").isNotNull();
        JsonNode completion = JSON.readTree(event);
        assertThat(completion.path("counts").path("COMPLETED").asInt()).isEqualTo(1);
        assertThat(completion.path("counts").path("FAILED").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT completed_at IS NOT NULL FROM batches WHERE id = CAST(? AS uuid)",
                Boolean.class, id)).isTrue();
        Thread.sleep(1_200);
        assertThat(replies.receiveBodyNoWait("seda:" + replyTo)).isNull();
    }

    @Test
    void aCallbackThatFailsTwiceIsSignedRetriedAndDeliveredExactlyOnce() throws Exception {
        WireMockServer receiver = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1")
                .dynamicPort());
        receiver.start();
        try {
            String scenario = "flaky receiver";
            receiver.stubFor(WireMock.post(WireMock.urlEqualTo("/hooks/batches?tenant=7")).inScenario(scenario)
                    .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("failed once")
                    .willReturn(WireMock.aResponse().withStatus(500)));
            receiver.stubFor(WireMock.post(WireMock.urlEqualTo("/hooks/batches?tenant=7")).inScenario(scenario)
                    .whenScenarioStateIs("failed once").willSetStateTo("failed twice")
                    .willReturn(WireMock.aResponse().withStatus(500)));
            receiver.stubFor(WireMock.post(WireMock.urlEqualTo("/hooks/batches?tenant=7")).inScenario(scenario)
                    .whenScenarioStateIs("failed twice").willSetStateTo("delivered")
                    .willReturn(WireMock.aResponse().withStatus(200)));
            String callback = "http://127.0.0.1:" + receiver.port() + "/hooks/batches?tenant=7";
            String batchId = "it-callback-" + UUID.randomUUID();

            HttpResponse<String> accepted = hub.post("/api/v1/batches", "application/json",
                    batch(batchId, 3, "it-rules", callback));
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            String id = HubClient.json(accepted).path("id").asText();

            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                    receiver.getAllServeEvents().size() >= 3);
            Thread.sleep(2_000); // ten delivery sweeps: nothing more may arrive
            List<ServeEvent> served = new ArrayList<>(receiver.getAllServeEvents());
            served.sort(java.util.Comparator.comparing(e -> e.getRequest().getLoggedDate()));
            assertThat(served).hasSize(3);
            assertThat(served.stream().map(e -> e.getResponse().getStatus())).containsExactly(500, 500, 200);

            String body = null;
            for (ServeEvent e : served) {
                LoggedRequest request = e.getRequest();
                String expected = "sha256=" + hmacSha256Hex(CALLBACK_SECRET, request.getBodyAsString());
                assertThat(request.getHeader("X-Hub-Signature-256")).isEqualTo(expected);
                assertThat(request.getHeader("X-Hub-Event-Id")).isEqualTo("batch-completed-" + id);
                assertThat(request.getHeader("Content-Type")).startsWith("application/json");
                assertThat(body == null || body.equals(request.getBodyAsString())).as("the same body each time").isTrue();
                body = request.getBodyAsString();
            }
            JsonNode event = JSON.readTree(body);
            assertThat(event.path("type").asText()).isEqualTo("batch.completed");
            assertThat(event.path("id").asText()).isEqualTo(id);
            assertThat(event.path("batchId").asText()).isEqualTo(batchId);
            assertThat(event.path("counts").path("COMPLETED").asInt()).isEqualTo(3);
            assertThat(event.path("completedAt").asText()).isNotBlank();
            assertThat(event.path("links").path("results").asText()).isEqualTo("/api/v1/batches/" + id + "/results");

            JsonNode status = HubClient.json(hub.get("/api/v1/batches/" + id));
            assertThat(status.path("completionEvent").path("state").asText()).isEqualTo("DELIVERED");
            assertThat(status.path("completionEvent").path("attempts").asInt()).isEqualTo(3);
            assertThat(status.path("completionEvent").path("destination").asText()).isEqualTo(callback);
            assertThat(status.path("completionEvent").path("deliveredAt").asText()).isNotBlank();
            assertThat(status.path("completionEvent").has("lastError")).isFalse();
        } finally {
            receiver.stop();
        }
    }

    @Test
    void aCallbackThatNeverSucceedsIsGivenUpWithItsError() throws Exception {
        WireMockServer receiver = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1")
                .dynamicPort());
        receiver.start();
        try {
            receiver.stubFor(WireMock.post(WireMock.urlEqualTo("/down")).willReturn(WireMock.aResponse().withStatus(503)));
            HttpResponse<String> accepted = hub.post("/api/v1/batches", "application/json",
                    batch("it-callback-down-" + UUID.randomUUID(), 1, "it-rules",
                            "http://127.0.0.1:" + receiver.port() + "/down"));
            String id = HubClient.json(accepted).path("id").asText();

            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                    "FAILED".equals(HubClient.json(hub.get("/api/v1/batches/" + id)).path("completionEvent")
                            .path("state").asText()));
            JsonNode event = HubClient.json(hub.get("/api/v1/batches/" + id)).path("completionEvent");
            assertThat(event.path("attempts").asInt()).isEqualTo(5);
            assertThat(event.path("lastError").asText()).contains("503");
            Thread.sleep(1_000);
            assertThat(receiver.getAllServeEvents()).hasSize(5);
            assertThat(hub.get("/actuator/prometheus").body()).contains("batch_events_given_up_total");
        } finally {
            receiver.stop();
        }
    }

    private static String hmacSha256Hex(String key, String body) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * A duplicate is recognised as one (submit-batch answers batchCreated=false without an exception), not merely held
     * off by the UNIQUE constraints: an insert that throws goes to defer-batch-message and would still leave one batch.
     * Seen failing against a planted bug: BatchStore.known always false and INSERT_BATCH without ON CONFLICT DO NOTHING
     * (the duplicate was deferred after a DuplicateKeyException; the row counts alone passed).
     */
    @Test
    void theSameMessageTwiceCreatesOneBatch() throws Exception {
        String batchId = "it-dup-" + UUID.randomUUID();
        String messageId = UUID.randomUUID().toString();
        String otherMessageId = UUID.randomUUID().toString();
        String body = batch(batchId, 3, "it-rules");
        BatchOutcomes outcomes = new BatchOutcomes();
        camel.getManagementStrategy().addEventNotifier(outcomes);
        outcomes.start();
        try {
            // Counted on the consumer's own outcomes: a NotifyBuilder on the route also counts the split's copies
            // and could match before the duplicates were consumed.
            java.util.function.Supplier<List<String>> ours = () -> outcomes.seen.stream()
                    .filter(o -> o.startsWith(messageId) || o.startsWith(otherMessageId)).toList();
            send(body, messageId);
            String id = awaitBatch(batchId);
            send(body, messageId);
            send(body, otherMessageId);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ours.get().size() == 3);

            String otherBatch = "it-dup-other-" + UUID.randomUUID();
            send(batch(otherBatch, 2, "it-rules"), messageId);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ours.get().size() == 4);

            assertThat(ours.get())
                    .containsExactlyInAnyOrder(
                    messageId + " created=true caught=null",
                    messageId + " created=false caught=null",
                    otherMessageId + " created=false caught=null",
                    messageId + " created=false caught=null");
            assertThat(count("SELECT count(*) FROM batches WHERE external_batch_id IN (?, ?)", batchId, otherBatch))
                    .isEqualTo(1);
            assertThat(count("SELECT count(*) FROM jobs WHERE batch_id = CAST(? AS uuid)", id)).isEqualTo(3);
            assertThat(count("SELECT count(*) FROM dead_letters WHERE message_id IN (?, ?)", messageId, otherMessageId))
                    .isZero();
        } finally {
            camel.getManagementStrategy().removeEventNotifier(outcomes);
        }
    }

    /** The outcome of each consume-batches exchange: its message id, whether it created a batch, what it caught. */
    private static final class BatchOutcomes extends org.apache.camel.support.EventNotifierSupport {
        final List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void notify(org.apache.camel.spi.CamelEvent event) {
            // The split's copies (one per job enqueued) complete too; only the consumer's own exchange counts.
            if (event instanceof org.apache.camel.spi.CamelEvent.ExchangeCompletedEvent done
                    && "consume-batches".equals(done.getExchange().getFromRouteId())
                    && done.getExchange().getProperty(org.apache.camel.Exchange.SPLIT_INDEX) == null) {
                org.apache.camel.Exchange e = done.getExchange();
                seen.add(e.getProperty("messageId") + " created=" + e.getProperty("batchCreated") + " caught="
                        + e.getProperty(org.apache.camel.Exchange.EXCEPTION_CAUGHT));
            }
        }
    }

    @Test
    void everyPoisonMessageLandsInTheDeadLetterStoreWithItsReason() throws Exception {
        Map<String, String[]> cases = new LinkedHashMap<>();
        cases.put("{\"batchId\": \"x\", \"items\": [", new String[] {"InvalidJson", "not valid JSON"});
        cases.put("[1, 2]", new String[] {"InvalidJson", "JSON object"});
        cases.put(batch("it-big-" + UUID.randomUUID(), 1001, "it-rules"), new String[] {"TooManyItems", "1001 items"});
        cases.put("{\"batchId\": \"b\", \"items\": [], \"submitter\": \"s\"}",
                new String[] {"SchemaViolation", "at least 1 entry"});
        cases.put("{\"batchId\": \"b\", \"submitter\": \"s\", \"itemz\": []}",
                new String[] {"SchemaViolation", "Unknown field 'itemz'"});
        cases.put(batch("it-no-submitter", 1, "it-rules").replace("\"submitter\":\"it\"", "\"submitter\":\"\""),
                new String[] {"SchemaViolation", "'submitter': must not be empty"});
        cases.put(batch("it-bad-set-" + UUID.randomUUID(), 2, "no-such-set"),
                new String[] {"SchemaViolation", "items[0]: Guideline set 'no-such-set' does not exist"});
        cases.put(batch("it-callback", 1, "it-rules", "ftp://example.com/hook"),
                new String[] {"SchemaViolation", "'replyTo': must be a queue or topic name"});
        cases.put(batch("it-dup-ref", 2, "it-rules").replace("\"ref-1\"", "\"ref-0\""),
                new String[] {"SchemaViolation", "items[1].externalRef 'ref-0' appears twice"});
        cases.put(batch("it-empty-text", 1, "it-rules").replace("Article 0 about a fund with target returns.", " "),
                new String[] {"SchemaViolation", "items[0]: article.text is required"});

        long batchesBefore = count("SELECT count(*) FROM batches");
        for (Map.Entry<String, String[]> c : cases.entrySet()) {
            String messageId = UUID.randomUUID().toString();
            send(c.getKey(), messageId);
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() ->
                    count("SELECT count(*) FROM dead_letters WHERE message_id = ?", messageId) == 1);
            Map<String, Object> row = jdbc.queryForMap("SELECT * FROM dead_letters WHERE message_id = ?", messageId);
            assertThat(row.get("reason")).as(c.getKey()).isEqualTo(c.getValue()[0]);
            assertThat((String) row.get("description")).as(c.getKey()).contains(c.getValue()[1]);
            assertThat(row.get("payload")).isEqualTo(c.getKey());
            assertThat(row.get("source")).isEqualTo("queue");
        }
        assertThat(count("SELECT count(*) FROM batches")).isEqualTo(batchesBefore);

        JsonNode page = HubClient.json(hub.get("/api/v1/admin/dead-letters?size=2"));
        assertThat(page.path("items")).hasSize(2);
        assertThat(page.path("total").asInt()).isGreaterThanOrEqualTo(cases.size());
        assertThat(page.path("items").get(0).path("reason").asText()).isNotBlank();
        assertThat(page.path("links").path("next").asText()).isEqualTo("/api/v1/admin/dead-letters?page=1&size=2");

        String metrics = hub.get("/actuator/prometheus").body();
        assertThat(metrics).contains("batch_messages_dead_lettered_total{reason=\"InvalidJson\"")
                .contains("batch_messages_dead_lettered_total{reason=\"TooManyItems\"")
                .contains("batch_messages_dead_lettered_total{reason=\"SchemaViolation\"");
    }

    @Test
    void aBatchCanBeSubmittedOverRestAndReadBackPageByPage() throws Exception {
        String batchId = "it-rest-" + UUID.randomUUID();
        String body = batch(batchId, 5, "it-rules");

        HttpResponse<String> accepted = hub.post("/api/v1/batches", "application/json", body);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode json = HubClient.json(accepted);
        String id = json.path("id").asText();
        assertThat(accepted.headers().firstValue("Location")).contains("/api/v1/batches/" + id);
        assertThat(json.path("duplicate").asBoolean()).isFalse();
        assertThat(json.path("items").asInt()).isEqualTo(5);

        HttpResponse<String> again = hub.post("/api/v1/batches", "application/json", body);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(HubClient.json(again).path("duplicate").asBoolean()).isTrue();
        assertThat(HubClient.json(again).path("id").asText()).isEqualTo(id);

        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                HubClient.json(hub.get("/api/v1/batches/" + id)).path("counts").path("COMPLETED").asInt() == 5);
        JsonNode status = HubClient.json(hub.get("/api/v1/batches/" + id + "?page=1&size=2"));
        assertThat(status.path("batchId").asText()).isEqualTo(batchId);
        assertThat(status.path("submitter").asText()).as("the token owns a REST batch").isEqualTo("it-admin");
        assertThat(status.path("jobs").path("total").asInt()).isEqualTo(5);
        JsonNode jobs = status.path("jobs").path("items");
        assertThat(jobs).hasSize(2);
        assertThat(jobs.get(0).path("externalRef").asText()).isEqualTo("ref-2");
        String jobId = jobs.get(0).path("jobId").asText();
        assertThat(jobs.get(0).path("links").path("result").asText()).isEqualTo("/api/v1/jobs/" + jobId + "/result");
        assertThat(hub.get("/api/v1/jobs/" + jobId + "/result").statusCode()).isEqualTo(200);

        JsonNode byOwnId = HubClient.json(hub.get("/api/v1/batches?batchId=" + batchId + "&page=1&size=2"));
        assertThat(byOwnId).as("found by the caller's batchId").isEqualTo(status);
        assertProblem(hub.get("/api/v1/batches?batchId=it-rest-nobody-" + UUID.randomUUID()), 404, "Batch");
        assertProblem(hub.get("/api/v1/batches"), 400, "batchId");
        assertThat(hub.as("someone-else", "default").get("/api/v1/batches?batchId=" + batchId).statusCode())
                .as("another caller does not see it").isEqualTo(404);

        JsonNode results = HubClient.json(hub.get("/api/v1/batches/" + id + "/results?page=2&size=2"));
        assertThat(results.path("results").path("items")).hasSize(1);
        assertThat(results.path("results").path("items").get(0).path("report").path("score").asDouble())
                .isEqualTo(100.0);
        assertThat(results.path("results").path("links").has("next")).isFalse();
        assertThat(count("SELECT count(*) FROM jobs WHERE batch_id = CAST(? AS uuid)", id)).isEqualTo(5);
    }

    @Test
    void rejectedRestBatchesAreProblemsAndStoreNothing() {
        long batches = count("SELECT count(*) FROM batches");
        long jobs = count("SELECT count(*) FROM jobs");
        assertProblem(hub.post("/api/v1/batches", "application/json", "{\"batchId\":"), 400, "not valid JSON");
        assertProblem(hub.post("/api/v1/batches", "text/plain", batch("x", 1, "it-rules")), 415, "application/json");
        assertProblem(hub.post("/api/v1/batches", "application/json", batch("it-413", 1001, "it-rules")), 413,
                "the limit is 1000");
        assertProblem(hub.post("/api/v1/batches", "application/json", batch("it-422", 2, "nope")), 422,
                "items[0]: Guideline set 'nope'");
        assertProblem(hub.get("/api/v1/batches/" + UUID.randomUUID()), 404, "does not exist");
        assertProblem(hub.get("/api/v1/batches/not-a-uuid/results"), 404, "does not exist");
        assertProblem(hub.get("/api/v1/admin/dead-letters?size=101"), 400, "size must be 1 to 100");
        assertProblem(hub.get("/api/v1/admin/dead-letters?page=x"), 400, "page must be a plain decimal number");
        assertThat(count("SELECT count(*) FROM batches")).isEqualTo(batches);
        assertThat(count("SELECT count(*) FROM jobs")).isEqualTo(jobs);
    }

    private void send(String body, String messageId) {
        template.sendBodyAndHeader("{{hub.queue.batches.producer}}", body, "messageId", messageId);
    }

    private String awaitBatch(String batchId) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                count("SELECT count(*) FROM batches WHERE external_batch_id = ?", batchId) == 1);
        return jdbc.queryForObject("SELECT CAST(id AS text) FROM batches WHERE external_batch_id = ?", String.class,
                batchId);
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private static JsonNode assertProblem(HttpResponse<String> r, int status, String detail) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        JsonNode problem = HubClient.json(r);
        assertThat(problem.path("detail").asText()).contains(detail);
        return problem;
    }

    /** A batch of {@code items} articles with externalRefs ref-0 .. ref-(items-1). */
    static String batch(String batchId, int items, String guidelineSet) {
        return batch(batchId, items, guidelineSet, null);
    }

    static String batch(String batchId, int items, String guidelineSet, String replyTo) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            list.add(Map.of("externalRef", "ref-" + i, "guidelineSet", guidelineSet,
                    "article", Map.of("text", "Article " + i + " about a fund with target returns.", "format", "plain",
                            "language", "en")));
        }
        try {
            Map<String, Object> batch = new LinkedHashMap<>(Map.of("batchId", batchId, "submitter", "it", "items", list));
            if (replyTo != null) {
                batch.put("replyTo", replyTo);
            }
            return JSON.writeValueAsString(batch);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
