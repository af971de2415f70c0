package hub.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.blob.BlobServiceClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Bad input gets an RFC 9457 problem, stores nothing and leaves the hub serving. */
class ApiErrorsIT extends LocalServicesIT {

    @Autowired
    BlobServiceClient blobs;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "malformed JSON        | application/json | {\"article\": {\"text\": \"x\"    | 400 | Malformed JSON",
        "empty body            | application/json | ' '                              | 400 | empty",
        "missing article       | application/json | {\"guidelineSet\": \"default\"}   | 400 | article is required",
        "empty text            | application/json | {\"article\": {\"text\": \"  \"}} | 400 | article.text is required",
        "unknown field         | application/json | {\"article\": {\"text\": \"a\"}, \"guidlineSet\": \"x\"} | 400 | guidlineSet",
        "bad format            | application/json | {\"article\": {\"text\": \"a\", \"format\": \"docx\"}} | 400 | must be plain, markdown or html",
        "article not an object | application/json | {\"article\": \"text\"}       | 400 | expected object, got string",
        "title not a string    | application/json | {\"article\": {\"text\": \"a\", \"title\": 5}} | 400 | article.title",
        "flag as a number      | application/json | {\"article\": {\"text\": \"a\"}, \"options\": {\"gtcValidation\": 1}} | 400 | options.gtcValidation",
        "flag as a string      | application/json | {\"article\": {\"text\": \"a\"}, \"options\": {\"gtcValidation\": \"yes\"}} | 400 | options.gtcValidation",
        "flag not a boolean    | application/json | {\"article\": {\"text\": \"a\"}, \"options\": {\"gtcValidation\": [1]}} | 400 | options.gtcValidation",
        "unknown set           | application/json | {\"article\": {\"text\": \"a\"}, \"guidelineSet\": \"nope\"} | 422 | 'nope' does not exist",
        "wrong content type    | text/plain       | {\"article\": {\"text\": \"a\"}}  | 415 | application/json",
        "no content type       |                  | {\"article\": {\"text\": \"a\"}}  | 415 | application/json",
    })
    void rejectedSubmissionsAreProblemsAndStoreNothing(String name, String contentType, String body, int status,
                                                       String detail) {
        long jobsBefore = jobCount();
        long articleRowsBefore = articleRowCount();
        ArticleBlobs articles = new ArticleBlobs(blobs);
        Set<String> blobsBefore = articles.names();

        HttpResponse<String> r = hub.post("/api/v1/jobs", contentType, body);

        assertProblem(r, status, detail);
        assertThat(jobCount()).isEqualTo(jobsBefore);
        assertThat(articleRowCount()).isEqualTo(articleRowsBefore);
        java.util.regex.Matcher text = java.util.regex.Pattern.compile("\"text\": (\"[^\"]*\")").matcher(body);
        if (text.find()) {
            // The article JSON a stored blob would hold, as Jackson writes it; a body without text can store none.
            articles.assertNoNewBlobHolds(blobsBefore, "\"text\":" + text.group(1));
        }
    }

    @Test
    void textAboveTheLimitIs413() {
        long jobsBefore = jobCount();
        HttpResponse<String> r = hub.post("/api/v1/jobs", "application/json",
                submission("default", "a".repeat(200_001)));
        JsonNode problem = assertProblem(r, 413, "200001 characters");
        assertThat(problem.path("limit").asInt()).isEqualTo(200_000);
        assertThat(jobCount()).isEqualTo(jobsBefore);
    }

    @Test
    void textAtTheLimitIsAccepted() {
        hub.submit(submission("it-llm", "a ".repeat(100_000)));
    }

    @Test
    void unknownJobsAre404() {
        assertProblem(hub.get("/api/v1/jobs/" + UUID.randomUUID()), 404, "does not exist");
        assertProblem(hub.get("/api/v1/jobs/not-a-uuid"), 404, "does not exist");
        assertProblem(hub.get("/api/v1/jobs/" + UUID.randomUUID() + "/result"), 404, "does not exist");
        assertProblem(hub.get("/api/v1/guideline-sets/nope"), 404, "does not exist");
    }

    @Test
    void resultBeforeCompletionIs409WithTheStatus() {
        llm.stubFor(LlmStub.anyChat().atPriority(1).willReturn(
                LlmStub.verdict("PASS", "fine", java.util.List.of()).withFixedDelay(2_000)));
        String jobId = hub.submit(submission("it-llm", "A slow article."));

        JsonNode problem = assertProblem(hub.get("/api/v1/jobs/" + jobId + "/result"), 409, "COMPLETED");
        assertThat(problem.path("jobStatus").asText()).isIn("QUEUED", "RUNNING");
        assertThat(problem.path("jobId").asText()).isEqualTo(jobId);

        hub.awaitStatus(jobId, Set.of("COMPLETED"), Duration.ofSeconds(30));
        assertThat(hub.get("/api/v1/jobs/" + jobId + "/result").statusCode()).isEqualTo(200);
    }

    @Test
    void springsOwnErrorsAreProblemsToo() {
        assertThat(hub.get("/api/v1/nothing-here").headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        HttpResponse<String> wrongMethod = hub.post("/api/v1/guideline-sets", "application/json", "{}");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    }

    @Test
    void probesAndMetricsAnswer() {
        HttpResponse<String> readiness = hub.get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"UP\"");
        assertThat(hub.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        String metrics = hub.get("/actuator/prometheus").body();
        assertThat(metrics).contains("http_server_requests_seconds").contains("resilience4j_circuitbreaker_state");
    }

    @Test
    void guidelineSetsAreListedAndShown() {
        HttpResponse<String> list = hub.get("/api/v1/guideline-sets");
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode sets = HubClient.json(list);
        assertThat(sets.findValuesAsText("id")).contains("default", "it-llm");

        JsonNode set = HubClient.json(hub.get("/api/v1/guideline-sets/default"));
        assertThat(set.path("version").asText()).isEqualTo("1.0.0");
        assertThat(set.path("guidelines").size()).isGreaterThanOrEqualTo(8);
        assertThat(set.path("guidelines").get(0).path("severity").asText()).isIn("error", "warning", "info");
    }

    private static JsonNode assertProblem(HttpResponse<String> r, int status, String detail) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = HubClient.json(r);
        assertThat(problem.path("type").asText()).startsWith("https://");
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).contains(detail);
        return problem;
    }

    private long jobCount() {
        return jdbc.queryForObject("SELECT count(*) FROM jobs", Long.class);
    }

    private long articleRowCount() {
        return jdbc.queryForObject("SELECT count(*) FROM job_articles", Long.class);
    }
}
