package hub.it;

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
        // A first job teaches the hub that the endpoint takes JSON schemas (hub.llm.structured-output: auto): until
        // then every call waits for the first answer, so a slow first call would hold the others back.
        hub.awaitReport(hub.submit(submission("it-llm", "A short article about savings.")));
        // The answer about llm-fees waits until the poll has seen the job with the other two guidelines done.
        llm.stubFor(LlmStub.forGuideline("llm-fees").willReturn(LlmStub.held(LlmStub.verdict("PASS", "Fine.", List.of()))));
        String jobId = hub.submit(submission("it-llm", "Fees are low. You may get back less than you invest."));

        JsonNode[] running = new JsonNode[1];
        try {
            // Generous: on a loaded machine the job may wait behind other tests' jobs before it runs.
            Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50)).until(() -> {
                JsonNode status = HubClient.json(hub.get("/api/v1/jobs/" + jobId));
                running[0] = status;
                return "RUNNING".equals(status.path("status").asText())
                        && status.path("progress").path("guidelinesDone").asInt() == 2;
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("the job never showed RUNNING with 2 of 3 guidelines done; last status: " + running[0], e);
        } finally {
            LlmStub.releaseHeld();
        }
        assertThat(running[0].path("progress").path("guidelinesTotal").asInt()).isEqualTo(3);

        hub.awaitReport(jobId);
        JsonNode done = HubClient.json(hub.get("/api/v1/jobs/" + jobId));
        assertThat(done.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.has("progress")).isFalse();
    }

    @Test
    void thePageNeedsNoTokenButTheApiStillDoes() {
        assertThat(hub.withToken(null).get("/index.html").statusCode()).isEqualTo(200);
        assertThat(hub.withToken(null).get("/api/v1/guideline-sets").statusCode()).isEqualTo(401);
    }
}
