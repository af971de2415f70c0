package hub.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The hub's public API as the evaluation uses it: POST /api/v1/jobs, poll GET /api/v1/jobs/{id} until COMPLETED
 * or FAILED, then GET /api/v1/jobs/{id}/result. A 429 waits for its Retry-After; a 5xx or connection failure is
 * retried a few times.
 */
public final class HubApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ATTEMPTS = 5;

    private final URI base;
    private final String token;
    private final Duration jobTimeout;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public HubApi(URI base, String token, Duration jobTimeout) {
        String url = base.toString();
        this.base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        this.token = token;
        this.jobTimeout = jobTimeout;
    }

    /**
     * The submission of one corpus item; the title is the item's id when it has none, and the corpus format
     * {@code text} is the API's {@code plain}.
     */
    public static ObjectNode submission(CorpusItem item) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("article").put("title", item.title() == null ? item.id() : item.title())
                .put("text", item.text()).put("format", "text".equals(item.format()) ? "plain" : item.format())
                .put("language", item.language());
        body.put("guidelineSet", item.set());
        body.putObject("options").put("gtcValidation", false);
        body.put("externalRef", item.id());
        return body;
    }

    /** Runs one item through the hub and returns its report; throws {@link JobFailure} when there is none. */
    public JsonNode evaluate(CorpusItem item) throws IOException, InterruptedException {
        HttpResponse<String> submitted = send(HttpRequest.newBuilder(base.resolve("/api/v1/jobs"))
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(submission(item).toString())));
        if (submitted.statusCode() != 202) {
            throw new JobFailure("rejected with HTTP " + submitted.statusCode() + ": " + abbreviate(submitted.body()));
        }
        String jobId = JSON.readTree(submitted.body()).path("jobId").asText();
        Instant deadline = Instant.now().plus(jobTimeout);
        long pause = 50;
        while (true) {
            HttpResponse<String> status = send(HttpRequest.newBuilder(base.resolve("/api/v1/jobs/" + jobId)).GET());
            JsonNode json = status.statusCode() == 200 ? JSON.readTree(status.body()) : JSON.createObjectNode();
            String state = json.path("status").asText("");
            if ("COMPLETED".equals(state)) {
                break;
            }
            if ("FAILED".equals(state)) {
                throw new JobFailure("job " + jobId + " FAILED: " + json.path("error").asText(""));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new JobFailure("job " + jobId + " not finished after " + jobTimeout.toSeconds() + " s ("
                        + (state.isEmpty() ? "HTTP " + status.statusCode() : state) + ")");
            }
            Thread.sleep(pause);
            pause = Math.min(500, pause * 2);
        }
        HttpResponse<String> result = send(HttpRequest.newBuilder(
                base.resolve("/api/v1/jobs/" + jobId + "/result")).GET());
        if (result.statusCode() != 200) {
            throw new JobFailure("result of job " + jobId + ": HTTP " + result.statusCode());
        }
        return JSON.readTree(result.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        request.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60));
        IOException last = null;
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                // A refused or reset connection, a closed keep-alive connection, a timeout: the submission carries an
                // Idempotency-Key, so every call is safe to repeat.
                last = e;
                if (attempt >= ATTEMPTS) {
                    throw last;
                }
                Thread.sleep(200L * attempt);
                continue;
            }
            if (response.statusCode() == 429) {
                long seconds = response.headers().firstValue("Retry-After").map(HubApi::seconds).orElse(1L);
                Thread.sleep(Math.max(100, seconds * 1000));
                continue;
            }
            if (response.statusCode() >= 500 && attempt < ATTEMPTS) {
                Thread.sleep(200L * attempt);
                continue;
            }
            if (response.statusCode() == 401) {
                throw new IOException("the hub answered 401: the token is not accepted");
            }
            return response;
        }
    }

    private static long seconds(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /** A job that produced no report: rejected, FAILED or not finished in time. */
    public static final class JobFailure extends IOException {
        public JobFailure(String message) {
            super(message);
        }
    }
}
