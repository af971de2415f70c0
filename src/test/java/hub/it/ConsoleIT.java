package hub.it;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The web console is served at / and /taskpane with its own CSP and revalidated caching; the API keeps its strict
 * headers; a running job's status shows guidelines done of total; the development login is off unless enabled.
 */
class ConsoleIT extends LocalServicesIT {

    @org.springframework.beans.factory.annotation.Autowired
    private org.apache.camel.CamelContext camel;

    @Test
    void theConsoleIsServedAtTheRootAndAtTaskpane() {
        for (String path : List.of("/", "/taskpane")) {
            HttpResponse<String> page = hub.withToken(null).get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(page.body()).contains("<script type=\"module\" src=\"/app/main.js\"></script>")
                    .contains("<label for=\"article\">Article</label>");
            String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).contains("default-src 'self'").contains("script-src 'self' https://appsforoffice.microsoft.com")
                    .contains("frame-ancestors 'self' https://*.office.com").doesNotContain("unsafe-eval");
            assertThat(page.headers().firstValue("X-Frame-Options")).as("Office on the web frames the pane").isEmpty();
        }
        HttpResponse<String> script = hub.withToken(null).get("/app/main.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type").orElse("")).startsWith("text/javascript");
        assertThat(script.headers().firstValue("Cache-Control")).contains("no-cache");
        assertThat(script.headers().firstValue("Last-Modified")).isPresent();
        HttpResponse<String> sample = hub.withToken(null).get("/examples/sample-request.json");
        assertThat(HubClient.json(sample).path("article").path("text").asText()).contains("🚀");

        HttpResponse<String> api = hub.get("/api/v1/guideline-sets");
        assertThat(api.headers().firstValue("Content-Security-Policy")).contains("default-src 'none'; frame-ancestors 'none'");
        assertThat(api.headers().firstValue("X-Frame-Options")).contains("DENY");
    }

    @Test
    void theFaviconIsServedAndLinked() {
        HttpResponse<String> icon = hub.withToken(null).get("/favicon.ico");
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type").orElse("")).startsWith("image/");
        assertThat(hub.withToken(null).get("/").body()).contains("<link rel=\"icon\"");
        assertThat(hub.withToken(null).get("/assets/icon-32.png").statusCode()).isEqualTo(200);
    }

    @Test
    void theDevelopmentLoginIsA404UnlessEnabled() {
        HttpResponse<String> r = hub.withToken(null).post("/auth/dev-login", "application/json", "{}");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(HubClient.json(r).path("detail").asText()).contains("hub.security.dev-login.enabled");
    }

    @Test
    void aRunningJobShowsGuidelinesDoneOfTotal() {
        // On an idle hub: a job left running by an earlier test of this shared context could hold the model
        // connections or evaluation threads that llm-balance's answer needs while llm-fees's is held.
        Awaitility.await("the hub idle").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> camel.getInflightRepository().size("process-job") == 0 && leasedConnections() == 0);
        // A first job teaches the hub that the endpoint takes JSON schemas (hub.llm.structured-output: auto): until
        // then every call waits for the first answer, so a slow first call would hold the others back.
        hub.awaitReport(hub.submit(submission("it-llm", "A short article about savings.")));
        // The answer about llm-fees waits until the poll has seen the job with the other two guidelines done. Only
        // this article's: a job of the same set that the recovery sweep takes over meanwhile (one a RunningHub of
        // another test left behind) must not have its calls held, which would occupy the model connections.
        String article = "Fees are low. You may get back less than you invest.";
        llm.stubFor(LlmStub.forGuideline("llm-fees").withRequestBody(containing(article))
                .willReturn(LlmStub.held(LlmStub.verdict("PASS", "Fine.", List.of()))));
        String jobId = hub.submit(submission("it-llm", article));

        JsonNode[] running = new JsonNode[1];
        try {
            // Generous: on a loaded machine the job may wait behind other tests' jobs before it runs.
            Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50)).until(() -> {
                boolean feesOutstanding = LlmStub.heldAnswers() == 1;
                JsonNode status = HubClient.json(hub.get("/api/v1/jobs/" + jobId));
                running[0] = status;
                // Seen while the answer about llm-fees is still held, not in the moment after a hold ran out.
                return feesOutstanding && LlmStub.heldAnswers() == 1 && "RUNNING".equals(status.path("status").asText())
                        && status.path("progress").path("guidelinesDone").asInt() == 2;
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("the job never showed RUNNING with 2 of 3 guidelines done; last status: " + running[0]
                    + "; " + llmCallsAbout(article) + "; " + llmConnections(), e);
        } finally {
            LlmStub.releaseHeld();
        }
        assertThat(running[0].path("progress").path("guidelinesTotal").asInt()).isEqualTo(3);

        hub.awaitReport(jobId);
        JsonNode done = HubClient.json(hub.get("/api/v1/jobs/" + jobId));
        assertThat(done.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.has("progress")).isFalse();
    }

    /** When each model call about the article arrived and which guideline it asked about, for a failure's message. */
    private String llmCallsAbout(String articleText) {
        return llm.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getBodyAsString().contains(articleText))
                .map(event -> {
                    java.util.regex.Matcher id = java.util.regex.Pattern.compile("- id: ([\\w-]+)\\\\n")
                            .matcher(event.getRequest().getBodyAsString());
                    return (id.find() ? id.group(1) : "?") + " at " + event.getRequest().getLoggedDate().toInstant()
                            + " (stub priority " + event.getStubMapping().getPriority() + ", "
                            + event.getRequest().getBodyAsString().split("- id: ", -1).length + " guideline ids)";
                })
                .toList().toString();
    }

    /** The model endpoints' pooled connections (leased ones are calls in progress), for a failure's message. */
    private String llmConnections() {
        return "model connections " + llmPools().map(pool -> pool.getTotalStats().toString()).toList();
    }

    private int leasedConnections() {
        return llmPools().mapToInt(pool -> pool.getTotalStats().getLeased()).sum();
    }

    /** Each HTTP endpoint has a pool of its own; these are the ones of the endpoints that call the fake model. */
    private java.util.stream.Stream<org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager> llmPools() {
        return camel.getEndpoints().stream()
                .filter(endpoint -> endpoint.getEndpointUri().startsWith(LlmStub.url().replaceFirst("\\?.*", "")))
                .map(endpoint -> ((org.apache.camel.component.http.HttpEndpoint) endpoint).getClientConnectionManager())
                .map(org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager.class::cast);
    }

    @Test
    void thePageNeedsNoTokenButTheApiStillDoes() {
        assertThat(hub.withToken(null).get("/index.html").statusCode()).isEqualTo(200);
        assertThat(hub.withToken(null).get("/api/v1/guideline-sets").statusCode()).isEqualTo(401);
    }
}
