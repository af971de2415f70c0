package hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ReloadStrategy;
import org.apache.camel.support.RouteWatcherReloadStrategy;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * docs/routes.md, "Try a change: live reload": the hub on the {@code dev} profile, its routes loaded from and watched
 * in a temporary copy of src/main/resources/camel (so that the test never edits the sources). An edit to one route
 * file changes what the API answers within seconds, without a restart; a broken edit (a misspelt step, or a route
 * that cannot be created: a bean, a placeholder or an endpoint option that does not exist) is refused with an error
 * naming the file, the route and the cause, and the previous route keeps answering.
 */
@DirtiesContext
@ActiveProfiles("dev")
// Camel's management on, as in the hub (camel-test turns it off for tests): the developer console's route statistics
// come from it, and the checked reload must work beside it.
@DisableJmx(false)
class RouteReloadIT extends LocalServicesIT {

    private static Path routes;
    /** The step of process-job after which docs/routes.md adds the call, and the call, as the guide shows them. */
    static final String ASSEMBLE = """
                          - bean:
                              ref: reportAssembler
                              method: assemble
            """;
    static final String CALL = """
                          - to:
                              uri: direct:flag-low-scores
            """;

    @Autowired
    CamelContext camel;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @DynamicPropertySource
    static void watchedCopy(DynamicPropertyRegistry registry) {
        routes = copyOfTheRoutes();
        registry.add("camel.main.routes-include-pattern", () -> "file:" + routes + "/**/*.camel.yaml");
        registry.add("camel.main.routes-reload-directory", routes::toString);
    }

    @Test
    void anEditedRouteFileIsReloadedWithinSecondsAndABrokenEditLeavesThePreviousRouteRunning() throws Exception {
        Path file = routes.resolve("10-api/list-guideline-sets.camel.yaml");
        String original = Files.readString(file);
        assertThat(version(hub.get("/api/v1/guideline-sets"))).isEmpty();
        ReloadStrategy watcher = camel.hasService(RouteWatcherReloadStrategy.class);
        assertThat(watcher).as("the dev profile watches the route folder").isNotNull();

        // The engineer's edit: one more step at the end of the route.
        String edited = original + """
                        - setHeader:
                            name: X-Route-Version
                            constant: "2"
                """;
        Files.writeString(file, edited);
        long started = System.nanoTime();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> version(hub.get("/api/v1/guideline-sets")).equals(Optional.of("2")));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        HttpResponse<String> answer = hub.get("/api/v1/guideline-sets");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("it-rules");
        assertThat(watcher.getReloadCounter()).isPositive();
        long failedBefore = watcher.getFailedCounter();

        // A broken edit (a misspelt step): refused with an error naming the file; the previous route still answers.
        Files.writeString(file, edited.replace("- setBody:", "- setBdoy:"));
        await().atMost(Duration.ofSeconds(15)).until(() -> watcher.getFailedCounter() > failedBefore
                && watcher.getLastError() != null && String.valueOf(watcher.getLastError().getMessage()).contains("setBdoy"));
        assertThat(watcher.getLastError().getMessage()).contains("list-guideline-sets.camel.yaml");
        assertThat(camel.getRouteController().getRouteStatus("list-guideline-sets").isStarted()).isTrue();
        assertThat(version(hub.get("/api/v1/guideline-sets"))).contains("2");

        // Files that parse but whose route cannot be created (a bean, a placeholder, an endpoint option that does not
        // exist): refused before the running route is touched, with one error naming the file, the route, the step and
        // the cause; the previous route (the very same one) keeps answering.
        org.apache.camel.Route running = camel.getRoute("list-guideline-sets");
        String[][] brokenEdits = {
                {"ref: guidelineSets", "ref: noSuchBean", "No bean could be found in the registry for: noSuchBean"},
                {"constant: \"2\"", "constant: \"2\"\n        - to:\n            uri: \"direct:{{hub.no-such-setting}}\"",
                        "hub.no-such-setting"},
                {"constant: \"2\"", "constant: \"2\"\n        - to:\n            uri: \"direct:elsewhere?noSuchOption=1\"",
                        "noSuchOption"},
        };
        for (String[] edit : brokenEdits) {
            assertThat(edited).contains(edit[0]);
            long failedBeforeEdit = watcher.getFailedCounter();
            Files.writeString(file, edited.replace(edit[0], edit[1]));
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() ->
                    watcher.getFailedCounter() > failedBeforeEdit && watcher.getLastError() != null
                            && String.valueOf(watcher.getLastError().getMessage()).contains(edit[2]));
            assertThat(camel.getRoute("list-guideline-sets")).as("the running route was not touched").isSameAs(running);
            assertThat(camel.getRouteController().getRouteStatus("list-guideline-sets").isStarted()).isTrue();
            assertThat(version(hub.get("/api/v1/guideline-sets"))).contains("2");
            assertThat(watcher.getLastError().getMessage()).as("the error names the file, the route and the cause")
                    .startsWith("Route file 10-api/list-guideline-sets.camel.yaml not reloaded: route list-guideline-sets cannot be created")
                    .contains(edit[2])
                    .endsWith("The previous route keeps running; fix the file and save it again.");
        }
        assertThat(watcher.getLastError().getMessage()).contains("at to[direct:elsewhere?noSuchOption=1]");
        assertThat(((RouteWatcherReloadStrategy) watcher).getResourceReload())
                .as("the dev profile's watcher checks a file first").isInstanceOf(routes.CheckedRouteReload.class);
        // The developer console's reload view says the same to an operator.
        HttpResponse<String> reload = hub.as("carol", TestTokens.TENANT, "compliance-admin").get("/actuator/camel/reload");
        assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);
        assertThat(reload.body()).contains("noSuchOption").contains("not reloaded");

        // The next good save is reloaded as usual.
        Files.writeString(file, edited.replace("constant: \"2\"", "constant: \"3\""));
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> version(hub.get("/api/v1/guideline-sets")).equals(Optional.of("3")));

        // Fixed again: back to the original behaviour.
        Files.writeString(file, original);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> version(hub.get("/api/v1/guideline-sets")).isEmpty());
    }

    /** docs/routes.md, "Add a step to the evaluation": the new route runs once per job and marks low scores. */
    @Test
    void theStepAddedToTheEvaluationRunsForEveryJob() {
        double before = exchanges("flag-low-scores");
        String jobId = hub.submit(submission("it-rules", "Enjoy guaranteed returns."));
        com.fasterxml.jackson.databind.JsonNode report = hub.awaitReport(jobId);
        assertThat(report.path("score").asDouble()).as("it-rules' planted failure scores low").isLessThan(50);
        await().atMost(Duration.ofSeconds(5)).until(() -> exchanges("flag-low-scores") == before + 1);
    }

    /** The route's exchanges as camel-micrometer counts them (camel_exchanges_total{routeId} on /actuator/prometheus). */
    private double exchanges(String routeId) {
        return meters.find("camel.exchanges.total").tag("routeId", routeId).meters().stream()
                .flatMap(m -> java.util.stream.StreamSupport.stream(m.measure().spliterator(), false))
                .mapToDouble(io.micrometer.core.instrument.Measurement::getValue).sum();
    }

    /** docs/routes.md, "See the running flow": the routes, their state and statistics, for compliance-admin only. */
    @Test
    void operatorsSeeTheRunningRoutesWithTheAdminRoleOnly() throws Exception {
        HubClient admin = hub.as("carol", TestTokens.TENANT, "compliance-admin");
        HttpResponse<String> routesNow = admin.get("/actuator/camelroutes");
        assertThat(routesNow.statusCode()).as(routesNow.body()).isEqualTo(200);
        com.fasterxml.jackson.databind.JsonNode list = HubClient.json(routesNow);
        java.util.Map<String, String> states = new java.util.HashMap<>();
        list.forEach(r -> states.put(r.path("id").asText(), r.path("status").asText()));
        assertThat(states).containsEntry("process-job", "Started").containsEntry("submit-job", "Started")
                .containsEntry("publish-report", "Started");
        HttpResponse<String> detail = admin.get("/actuator/camelroutes/submit-job/detail");
        assertThat(detail.statusCode()).as(detail.body()).isEqualTo(200);
        assertThat(HubClient.json(detail).path("properties").path("configurationId").asText()).isEqualTo("api-operation");
        assertThat(HubClient.json(detail).path("uptimeMillis").asLong()).isPositive();

        assertThat(hub.get("/actuator/camelroutes").statusCode()).as("the metrics role sees no routes").isEqualTo(403);
        assertThat(hub.withToken(null).get("/actuator/camelroutes").statusCode()).isEqualTo(401);
        HttpResponse<String> stop = admin.post("/actuator/camelroutes/submit-job/stop", "application/json", "{}");
        assertThat(stop.statusCode()).as("read-only: no route is stopped over HTTP").isGreaterThanOrEqualTo(400);
        assertThat(camel.getRouteController().getRouteStatus("submit-job").isStarted()).isTrue();
    }

    /**
     * docs/routes.md, "See the running flow": Camel's developer console at /actuator/camel, for compliance-admin only,
     * with the route statistics of Camel's management, and only the consoles of hub.dev-console.consoles.
     */
    @Test
    void operatorsSeeCamelsDeveloperConsoleWithTheAdminRoleOnly() throws Exception {
        HubClient admin = hub.as("carol", TestTokens.TENANT, "compliance-admin");
        assertThat(hub.get("/api/v1/guideline-sets").statusCode()).isEqualTo(200);

        HttpResponse<String> index = admin.get("/actuator/camel");
        assertThat(index.statusCode()).as(index.body()).isEqualTo(200);
        com.fasterxml.jackson.databind.JsonNode consoles = HubClient.json(index);
        assertThat(consoles.has("route")).isTrue();
        assertThat(consoles.has("reload")).isTrue();
        assertThat(consoles.has("properties")).as("settings are not served").isFalse();
        assertThat(consoles.has("browse")).as("message bodies are not served").isFalse();

        HttpResponse<String> route = admin.get("/actuator/camel/route");
        assertThat(route.statusCode()).as(route.body()).isEqualTo(200);
        assertThat(route.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
        java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> byId = new java.util.HashMap<>();
        HubClient.json(route).path("route").path("routes").forEach(r -> byId.put(r.path("routeId").asText(), r));
        assertThat(byId).containsKeys("process-job", "submit-job", "list-guideline-sets");
        com.fasterxml.jackson.databind.JsonNode listed = byId.get("list-guideline-sets");
        assertThat(listed.path("state").asText()).isEqualTo("Started");
        assertThat(listed.path("statistics").path("exchangesTotal").asLong()).as(listed.toString()).isPositive();
        assertThat(listed.path("statistics").has("meanProcessingTime")).isTrue();

        assertThat(admin.get("/actuator/camel/properties").statusCode()).as("a console left out").isEqualTo(404);
        HttpResponse<String> all = admin.get("/actuator/camel/all");
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(HubClient.json(all).has("route")).isTrue();
        assertThat(HubClient.json(all).has("system-properties")).isFalse();
        assertThat(HubClient.json(all).has("bean")).isFalse();

        assertThat(hub.get("/actuator/camel/route").statusCode()).as("the metrics role").isEqualTo(403);
        assertThat(hub.get("/actuator/camel").statusCode()).as("the metrics role").isEqualTo(403);
        assertThat(hub.withToken(null).get("/actuator/camel/route").statusCode()).isEqualTo(401);
        assertThat(hub.withToken(null).get("/actuator/camel").statusCode()).isEqualTo(401);
    }

    private static Optional<String> version(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.headers().firstValue("X-Route-Version");
    }

    private static Path copyOfTheRoutes() {
        try {
            Path dir = Files.createTempDirectory("hub-routes-");
            Path source = Path.of("src/main/resources/camel");
            try (Stream<Path> files = Files.walk(source)) {
                for (Path f : files.filter(f -> f.toString().endsWith(".camel.yaml")).toList()) {
                    Path copy = dir.resolve(source.relativize(f).toString());
                    Files.createDirectories(copy.getParent());
                    Files.copy(f, copy);
                }
            }
            // docs/routes.md, "Add a step to the evaluation", applied as the guide says: the new file, and its call.
            Files.copy(Path.of("docs/examples/routes/flag-low-scores.camel.yaml"), dir.resolve("40-evaluation/flag-low-scores.camel.yaml"));
            Path worker = dir.resolve("30-worker/process-job.camel.yaml");
            String processJob = Files.readString(worker);
            if (!processJob.contains(ASSEMBLE)) {
                throw new IllegalStateException("process-job.camel.yaml no longer has the step docs/routes.md adds after");
            }
            Files.writeString(worker, processJob.replace(ASSEMBLE, ASSEMBLE + CALL));
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
