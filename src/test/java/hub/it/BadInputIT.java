package hub.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.blob.BlobServiceClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Hostile and malformed input over HTTP, beyond {@link ApiErrorsIT} and {@link SecurityIT}: each rejection is a 4xx
 * problem that stores nothing (looked up by the request's correlation id and by the names of new article blobs), what
 * is accepted is stored and returned verbatim, and the hub keeps serving after each case.
 */
class BadInputIT extends LocalServicesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SQL = "'; DROP TABLE jobs; -- ' OR '1'='1 \\\\ $$ $tag$ \" ;";

    @Autowired
    BlobServiceClient blobs;

    @AfterEach
    void theHubStillServes() {
        assertThat(hub.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        hub.submit(submission("it-rules", "A valid article after a bad one."));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "text as a number        | {\"article\": {\"text\": 5}}                                              | 400 | article.text",
        "article null            | {\"article\": null}                                                      | 400 | expected object, got null",
        "body an array           | [{\"article\": {\"text\": \"a\"}}]                                       | 400 | expected object, got array",
        "body null               | null                                                                     | 400 | expected object, got null",
        "queries not a list      | {\"article\": {\"text\": \"a\"}, \"options\": {\"gtcQueries\": \"fee\"}} | 400 | options.gtcQueries",
        "trailing garbage        | {\"article\": {\"text\": \"a\"}} {}                                      | 400 | Malformed JSON",
        "unknown nested field    | {\"article\": {\"text\": \"a\", \"colour\": \"red\"}}                    | 400 | colour",
        "format in upper case    | {\"article\": {\"text\": \"a\", \"format\": \"DOCX\"}}                   | 400 | article.format",
        "language not a tag      | {\"article\": {\"text\": \"a\", \"language\": \"en; DROP TABLE jobs\"}}   | 400 | article.language",
        "raw NUL in a string     | {\"article\": {\"text\": \"a\u0000b\"}}                                  | 400 | Malformed JSON",
        "escaped NUL in text     | {\"article\": {\"text\": \"ab\\u0000c\"}}                                | 400 | article.text contains the control character U+0000 at offset 2",
        "bell in the title       | {\"article\": {\"text\": \"a\", \"title\": \"T\\u0007\"}}                | 400 | article.title contains the control character U+0007 at offset 1",
        "escape in externalRef   | {\"article\": {\"text\": \"a\"}, \"externalRef\": \"\\u001b[31m\"}       | 400 | externalRef contains the control character U+001B at offset 0",
        "C1 control in text      | {\"article\": {\"text\": \"a\\u0085\"}}                                   | 400 | U+0085 at offset 1",
        "lone surrogate in text  | {\"article\": {\"text\": \"a\\ud83d b\"}}                                | 400 | unpaired surrogate U+D83D at offset 1",
        "control in a GTC query  | {\"article\": {\"text\": \"a\"}, \"options\": {\"gtcQueries\": [\"f\\u0000\"]}} | 400 | options.gtcQueries[0] contains",
        "title too long          | {\"article\": {\"text\": \"a\", \"title\": \"TITLE1001\"}}               | 413 | article.title has 1001 characters; the limit is 1000",
        "externalRef too long    | {\"article\": {\"text\": \"a\"}, \"externalRef\": \"REF201\"}             | 413 | externalRef has 201 characters; the limit is 200",
        "too many GTC queries    | {\"article\": {\"text\": \"a\"}, \"options\": {\"gtcQueries\": QUERIES11}} | 413 | options.gtcQueries has 11 entries; the limit is 10",
        "GTC query too long      | {\"article\": {\"text\": \"a\"}, \"options\": {\"gtcQueries\": [\"Q201\"]}} | 413 | options.gtcQueries[0] has 201 characters; the limit is 200",
        "blank GTC query         | {\"article\": {\"text\": \"a\"}, \"options\": {\"gtcQueries\": [\" \"]}}  | 400 | 'options.gtcQueries[0]': must not be blank",
    })
    void rejectedSubmissionsAreProblemsAndStoreNothing(String name, String template, int status, String detail) {
        String body = template.replace("TITLE1001", "t".repeat(1001)).replace("REF201", "r".repeat(201))
                .replace("QUERIES11", JSON.valueToTree(java.util.Collections.nCopies(11, "fee")).toString())
                .replace("Q201", "q".repeat(201));
        boolean marked = body.startsWith("{\"article\"") && !body.contains("externalRef");
        JsonNode problem = assertRejected(marker -> HttpRequest.BodyPublishers.ofString(
                marked ? "{\"externalRef\": \"" + marker + "\", " + body.substring(1) : body), status, detail);
        if (status == 413) {
            assertThat(problem.path("type").asText()).endsWith("/field-too-large");
            assertThat(problem.path("field").asText()).isNotBlank();
            assertThat(problem.path("limit").asInt()).isPositive();
        }
    }

    @Test
    void invalidUtf8IsAProblemNamingTheByteOffset() {
        for (byte[] bad : new byte[][] {
            {(byte) 0xC3, 0x28},                       // a lead byte without its continuation
            {(byte) 0xFF},                             // never valid in UTF-8
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80},   // an encoded surrogate
            {(byte) 0xC0, (byte) 0xAF},                // an overlong '/'
        }) {
            JsonNode problem = assertRejected(marker -> {
                byte[] head = ("{\"externalRef\": \"" + marker + "\", \"article\": {\"text\": \"caf").getBytes(StandardCharsets.UTF_8);
                byte[] tail = "\"}}".getBytes(StandardCharsets.UTF_8);
                byte[] body = new byte[head.length + bad.length + tail.length];
                System.arraycopy(head, 0, body, 0, head.length);
                System.arraycopy(bad, 0, body, head.length, bad.length);
                System.arraycopy(tail, 0, body, head.length + bad.length, tail.length);
                return HttpRequest.BodyPublishers.ofByteArray(body);
            }, 400, "not valid UTF-8");
            assertThat(problem.path("type").asText()).endsWith("/invalid-encoding");
            assertThat(problem.path("offset").asInt()).isGreaterThan(40);
        }
    }

    @Test
    void tabsAndLineBreaksAreText() {
        String text = "Line one\twith a tab.\r\nLine two offers guaranteed returns.";
        JsonNode report = hub.awaitReport(hub.submit(submission("it-rules", text)));
        assertLocated(text, report, "guaranteed returns");
    }

    @Test
    void aOneMegabyteSingleLineIsAboveTheTextLimitAndAShorterOneIsCheckedToTheEnd() {
        String megabyte = "a".repeat(1024 * 1024);
        JsonNode problem = assertRejected(marker -> HttpRequest.BodyPublishers.ofString(
                submission("it-rules", marker + megabyte)), 413,
                "the limit is 200000");
        assertThat(problem.path("type").asText()).endsWith("/article-too-large");

        String line = "x".repeat(199_000) + " guaranteed returns " + "y".repeat(900);
        assertThat(line).doesNotContain("\n").hasSizeLessThanOrEqualTo(200_000);
        assertLocated(line, hub.awaitReport(hub.submit(submission("it-rules", line))), "guaranteed returns");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "/api/v1/jobs/..%2F..%2Fetc%2Fpasswd",
        "/api/v1/jobs/..%2F..%2Fetc%2Fpasswd/result",
        "/api/v1/jobs/../../x",
        "/api/v1/jobs/..%2f..%2f..%2fetc%2fpasswd",
        "/api/v1/jobs/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/api/v1/jobs/%2e%2e/%2e%2e/etc/passwd",
        "/api/v1/jobs/..%252F..%252Fetc%252Fpasswd",
        "/api/v1/jobs/..%5C..%5Cetc%5Cpasswd",
        "/api/v1/jobs/%2e%2e",
        "/api/v1/jobs/....%2F%2F....%2F%2Fetc%2Fpasswd",
        "/api/v1/jobs/%00",
        "/api/v1/batches/..%2F..%2Fetc%2Fpasswd",
        "/api/v1/batches/..%2F..%2Fetc%2Fpasswd/results",
        "/api/v1/batches/../../x/results",
        "/api/v1/guideline-sets/..%2F..%2Fapplication.yaml",
        "/api/v1/guideline-sets/..%2F..%2F..%2Fsrc%2Fmain%2Fresources%2Fapplication",
    })
    void traversalIdsAreProblemsAndReadNoFile(String path) {
        HttpResponse<String> r = hub.get(path);

        assertThat(r.statusCode()).as(path + " -> " + r.body()).isIn(400, 404);
        assertThat(r.body()).doesNotContain("root:").doesNotContain("spring:").doesNotContain("Exception");
        // Spring Security's firewall refuses encoded slashes, backslashes and dots with an invalid-path problem; a
        // NUL in the path is refused by Tomcat's request parser before any filter runs, with the same kind of answer.
        assertThat(r.headers().firstValue("Content-Type")).as(path)
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        if (r.statusCode() == 400) {
            assertThat(HubClient.json(r).has("instance")).as(path + ": the refused path is not repeated").isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/jobs/%00", "/api/v1/jobs/%ZZ", "/api/v1/jobs/a%0", "/%C0%AE"})
    void urlsTomcatCannotDecodeAreProblemsToo(String path) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
            JsonNode problem = JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));

            assertThat(answer).as(path).startsWith("HTTP/1.1 400");
            assertThat(head).as(path).contains("content-type: application/problem+json");
            assertThat(problem.path("status").asInt()).isEqualTo(400);
            assertThat(problem.path("title").asText()).isEqualTo("Bad Request");
            assertThat(problem.path("detail").asText()).contains("malformed");
        }
    }

    @Test
    void sqlMetacharactersInEveryStringFieldAreStoredAndReturnedVerbatim() throws Exception {
        String ref = "ref-" + UUID.randomUUID() + SQL;
        String text = "Text " + SQL + " with guaranteed returns.";
        Map<String, Object> submission = Map.of(
                "article", Map.of("title", "Title " + SQL, "text", text, "format", "plain", "language", "en"),
                "guidelineSet", "it-rules", "externalRef", ref,
                "options", Map.of("gtcValidation", false, "gtcQueries", List.of("fee " + SQL)));
        String jobId = hub.submit(JSON.writeValueAsString(submission));

        JsonNode report = hub.awaitReport(jobId);
        assertThat(report.path("externalRef").asText()).isEqualTo(ref);
        assertThat(HubClient.json(hub.get("/api/v1/jobs/" + jobId)).path("externalRef").asText()).isEqualTo(ref);
        assertLocated(text, report, "guaranteed returns");
        JsonNode stored = JSON.readTree(articleBlobs().content(jobId + ".json"));
        assertThat(stored.path("title").asText()).isEqualTo("Title " + SQL);
        assertThat(stored.path("text").asText()).isEqualTo(text);
        assertThat(jdbc.queryForObject("SELECT options->'gtcQueries'->>0 FROM jobs WHERE id = CAST(? AS uuid)",
                String.class, jobId)).isEqualTo("fee " + SQL);

        JsonNode unknownSet = assertRejected(marker -> HttpRequest.BodyPublishers.ofString(
                submission(SQL, "A text " + marker)), 422, "does not exist");
        assertThat(unknownSet.path("guidelineSet").asText()).isEqualTo(SQL);

        String batchId = "b-" + UUID.randomUUID() + SQL;
        String replyTo = "http://127.0.0.1:9/cb?q='%20OR%20'1'='1;--$$";
        HubClient sqlUser = hub.as("sub" + SQL, TestTokens.TENANT);
        Map<String, Object> batch = new LinkedHashMap<>(Map.of("batchId", batchId, "replyTo", replyTo,
                "items", List.of(Map.of("externalRef", ref, "guidelineSet", "it-rules", "article", Map.of("text", text)))));
        HttpResponse<String> accepted = sqlUser.post("/api/v1/batches", "application/json", JSON.writeValueAsString(batch));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(HubClient.json(accepted).path("batchId").asText()).isEqualTo(batchId);
        JsonNode view = HubClient.json(sqlUser.get("/api/v1/batches/" + HubClient.json(accepted).path("id").asText()));
        assertThat(view.path("batchId").asText()).isEqualTo(batchId);
        assertThat(view.path("submitter").asText()).isEqualTo("sub" + SQL);
        assertThat(view.path("replyTo").asText()).isEqualTo(replyTo);

        batch.put("replyTo", SQL);
        assertThat(sqlUser.post("/api/v1/batches", "application/json", JSON.writeValueAsString(batch)).statusCode())
                .as("a replyTo that is neither a queue name nor a URL is refused").isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT to_regclass('jobs') IS NOT NULL AND to_regclass('batches') IS NOT NULL",
                Boolean.class)).isTrue();
    }

    @Test
    void offsetsStayUtf16InTextsMixingEmojiCombiningMarksAndRightToLeftScripts() {
        String text = "📈👨‍👩‍👧 Rendite e\u0301 n\u0303 — \u202Bمرحبا بالعالم\u202C \u200Fשלום עולם\u200F "
                + "\u2067עברית guaranteed returns\u2069 🇩🇪 ok. "
                + "\u0627\u0644\u0639\u0631\u0628\u064A\u0629 \u05D0\u05B8 guaranteed returns 😀.";
        JsonNode report = hub.awaitReport(hub.submit(submission("it-rules", text)));

        JsonNode findings = HubClient.guideline(report, "rule-no-guarantees").path("findings");
        assertThat(findings).hasSize(2);
        assertThat(findings.get(0).path("offset").asInt()).isEqualTo(text.indexOf("guaranteed returns"));
        assertThat(findings.get(1).path("offset").asInt()).isEqualTo(text.lastIndexOf("guaranteed returns"));
        assertLocated(text, report, "guaranteed returns");
    }

    @Test
    void overLongBatchFieldsAre413AndStoreNothing() throws Exception {
        String batchId = "b".repeat(201);
        Map<String, Object> batch = Map.of("batchId", batchId, "items",
                List.of(Map.of("externalRef", "a", "guidelineSet", "it-rules", "article", Map.of("text", "x"))));
        String correlationId = "bad-" + UUID.randomUUID();
        HttpResponse<String> r = hub.post("/api/v1/batches", "application/json",
                HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(batch)), "X-Correlation-ID", correlationId);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
        assertThat(HubClient.json(r).path("field").asText()).isEqualTo("batchId");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM batches WHERE external_batch_id = ?", Long.class, batchId))
                .isZero();
    }

    /** Every finding's quote is the substring at its UTF-16 offset, and the rule found {@code quote}. */
    private static void assertLocated(String text, JsonNode report, String quote) {
        JsonNode findings = HubClient.guideline(report, "rule-no-guarantees").path("findings");
        assertThat(findings).isNotEmpty();
        for (JsonNode f : findings) {
            int offset = f.path("offset").asInt();
            assertThat(text.substring(offset, offset + f.path("length").asInt())).isEqualTo(f.path("quote").asText())
                    .isEqualTo(quote);
        }
    }

    /**
     * Sends a submission with a fresh correlation id (also the marker the body may carry) and asserts the problem,
     * that no job row carries that id and that no article blob that appeared meanwhile holds the marker (blobs are
     * compared by name: other test runs share the container).
     */
    private JsonNode assertRejected(Function<String, HttpRequest.BodyPublisher> body, int status, String detail) {
        String correlationId = "bad-" + UUID.randomUUID();
        Set<String> before = articleBlobs().names();
        HttpResponse<String> r = hub.post("/api/v1/jobs", "application/json", body.apply(correlationId),
                "X-Correlation-ID", correlationId);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = HubClient.json(r);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).contains(detail);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM jobs WHERE correlation_id = ?", Long.class, correlationId))
                .isZero();
        articleBlobs().assertNoNewBlobHolds(before, correlationId);
        return problem;
    }

    private ArticleBlobs articleBlobs() {
        return new ArticleBlobs(blobs);
    }
}
