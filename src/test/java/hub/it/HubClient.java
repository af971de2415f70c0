package hub.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import org.awaitility.Awaitility;

/**
 * Talks to the hub over real HTTP, as the Word add-in does, with a bearer token: by default one of
 * {@link TestTokens#SUBJECT} in {@link TestTokens#TENANT}, with the role compliance-metrics (to read /actuator).
 */
public final class HubClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    public HubClient(int port) {
        this(port, TestTokens.mint(TestTokens.SUBJECT, TestTokens.TENANT, "compliance-metrics"));
    }

    private HubClient(int port, String token) {
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
    }

    public int port() {
        return Integer.parseInt(base.substring(base.lastIndexOf(':') + 1));
    }

    /** The same hub with another bearer token; null sends none. */
    public HubClient withToken(String bearer) {
        return new HubClient(port(), bearer);
    }

    /** The same hub as another caller. */
    public HubClient as(String subject, String tenant, String... roles) {
        return withToken(TestTokens.mint(subject, tenant, roles));
    }

    public HttpResponse<String> post(String path, String contentType, String body) {
        return post(path, contentType, HttpRequest.BodyPublishers.ofString(body));
    }

    public HttpResponse<String> post(String path, String contentType, HttpRequest.BodyPublisher body,
                                     String... headers) {
        HttpRequest.Builder b = request(path).POST(body);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
    }

    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder b = request(path).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request.build());
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    /** Submits a job and returns its id, asserting the 202 contract. */
    public String submit(String body) {
        HttpResponse<String> r = post("/api/v1/jobs", "application/json", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        JsonNode json = json(r);
        String jobId = json.path("jobId").asText();
        assertThat(json.path("status").asText()).isEqualTo("QUEUED");
        assertThat(r.headers().firstValue("Location")).contains("/api/v1/jobs/" + jobId);
        return jobId;
    }

    public JsonNode awaitStatus(String jobId, Set<String> statuses, Duration timeout) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> {
            HttpResponse<String> r = get("/api/v1/jobs/" + jobId);
            last[0] = r.statusCode() == 200 ? json(r) : null;
            return last[0] != null && statuses.contains(last[0].path("status").asText());
        });
        return last[0];
    }

    public JsonNode awaitReport(String jobId) {
        JsonNode status = awaitStatus(jobId, Set.of("COMPLETED", "FAILED"), Duration.ofSeconds(60));
        assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("COMPLETED");
        HttpResponse<String> r = get("/api/v1/jobs/" + jobId + "/result");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    public static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + r.body(), e);
        }
    }

    public static JsonNode guideline(JsonNode report, String id) {
        for (JsonNode g : report.path("guidelines")) {
            if (g.path("guidelineId").asText().equals(id)) {
                return g;
            }
        }
        throw new AssertionError("No guideline " + id + " in " + report);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
