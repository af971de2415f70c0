package routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every route file validates against the Camel YAML DSL schema shipped in camel-yaml-dsl and follows the project's
 * conventions: one route per file in canonical {@code - route:} form, explicit ids on the route and on every
 * circuit breaker, and endpoints of external systems behind {@code {{placeholders}}}.
 */
class RouteDefinitionsTest {

    private static final Path ROUTES = RouteFiles.ROOT;
    /** The one file that is not a route: the REST API, routed from openapi/compliance-hub.yaml. */
    private static final Path REST_API = ROUTES.resolve("10-api/rest-api.camel.yaml");
    private static final Path CONTRACT = Path.of("openapi/compliance-hub.yaml");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /**
     * Endpoints internal to the hub: in-JVM hand-offs, the hub's own SQL, its own timers, and the queues of the
     * delivery destinations (seda:deliver-<event>-<name>, which publish-report and publish-batch-result feed).
     */
    private static final Pattern INTERNAL = Pattern.compile("^((direct|sql:classpath|timer):|seda:deliver-).*");
    /** A toD whose endpoint the calling route takes from configuration into a property (the generic cache routes). */
    private static final Pattern DYNAMIC = Pattern.compile("^(\\$\\{exchangeProperty\\.[A-Za-z]+})+$");
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = RouteDefinitionsTest.class.getResourceAsStream("/schema/camelYamlDsl.json")) {
            assertThat(in).as("schema/camelYamlDsl.json inside camel-yaml-dsl").isNotNull();
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
    }

    static Stream<Path> routeFiles() throws IOException {
        return allFiles().filter(f -> !isTemplate(f));
    }

    /** The route templates: the extension points (docs/routes.md), instantiated from camel.route-template.config. */
    static Stream<Path> templateFiles() throws IOException {
        return allFiles().filter(RouteDefinitionsTest::isTemplate);
    }

    /** The guide's example routes (docs/examples/routes) follow the same conventions as the hub's own. */
    static Stream<Path> exampleFiles() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("docs/examples/routes"))) {
            return s.sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exampleFiles")
    void theGuidesExampleRoutesFollowTheConventionsToo(Path file) throws IOException {
        validatesAgainstTheCamelYamlDslSchema(file);
        holdsOneCanonicalRouteWithAnIdNamedLikeTheFile(file);
        letsSubRouteFailuresTravelBackToTheCaller(file);
    }

    private static Stream<Path> allFiles() throws IOException {
        List<Path> files = RouteFiles.all().stream().filter(f -> !f.equals(REST_API)).toList();
        assertThat(files).isNotEmpty();
        return files.stream();
    }

    private static boolean isTemplate(Path file) {
        try {
            JsonNode doc = YAML.readTree(file.toFile());
            return doc.isArray() && doc.size() == 1 && doc.get(0).has("routeTemplate");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templateFiles")
    void holdsOneTemplateWithAnIdNamedLikeTheFileAndDocumentedParameters(Path file) throws IOException {
        assertThat(schema.validate(YAML.readTree(file.toFile()))).as(file + " schema errors").isEmpty();
        JsonNode template = YAML.readTree(file.toFile()).get(0).get("routeTemplate");
        assertThat(file.getFileName().toString()).isEqualTo(template.path("id").asText() + ".camel.yaml");
        assertThat(template.path("parameters")).isNotEmpty();
        JsonNode from = template.path("route").path("from");
        assertThat(from.path("uri").asText()).as("a template's consumer is named by its parameters").contains("{{");
        assertThat(from.has("steps")).isTrue();
        List<String> uris = new ArrayList<>();
        template.findValues("uri").forEach(u -> uris.add(u.asText()));
        assertThat(uris).allSatisfy(uri -> assertThat(uri.contains("{{") || INTERNAL.matcher(uri).matches())
                .as("endpoint '" + uri + "' in " + file + " must be a {{placeholder}}").isTrue());
    }

    /**
     * The route folder follows a job (docs/architecture.md, "A job's walk"): every route file sits in a stage folder
     * named NN-stage, and each stage folder says in its README.md what enters, what leaves and which route to read first.
     */
    @Test
    void putsEveryRouteFileInAStageFolderWithItsReadme() throws IOException {
        assertThat(RouteFiles.all()).allSatisfy(f -> {
            assertThat(f.getParent().getParent()).as(f + " sits in a stage folder").isEqualTo(ROUTES);
            assertThat(f.getParent().getFileName().toString()).matches("\\d\\d-[a-z]+");
        });
        try (Stream<Path> dirs = Files.list(ROUTES)) {
            assertThat(dirs.filter(Files::isDirectory).toList()).isNotEmpty().allSatisfy(d ->
                    assertThat(d.resolve("README.md")).as(d + "/README.md").isRegularFile());
        }
    }

    @Test
    void shipsTheDeliveryTemplate() throws IOException {
        assertThat(templateFiles().map(f -> f.getFileName().toString())).contains("deliver-webhook.camel.yaml");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routeFiles")
    void validatesAgainstTheCamelYamlDslSchema(Path file) throws IOException {
        Set<ValidationMessage> errors = schema.validate(YAML.readTree(file.toFile()));
        assertThat(errors).as(file + " schema errors").isEmpty();
    }

    /**
     * Camel loads the routes of each stage folder by its own pattern (from the packaged jar a {@code **} pattern
     * loses the folder): a new folder must be listed in camel.main.routes-include-pattern.
     */
    @Test
    void loadsEveryStageFolder() throws IOException {
        String pattern = YAML.readTree(Path.of("src/main/resources/application.yaml").toFile())
                .path("camel").path("main").path("routes-include-pattern").asText();
        try (Stream<Path> dirs = Files.list(Path.of("src/main/resources/camel"))) {
            dirs.filter(Files::isDirectory).forEach(dir -> assertThat(pattern.split(","))
                    .as("routes-include-pattern lists " + dir.getFileName())
                    .contains("classpath:camel/" + dir.getFileName() + "/*.camel.yaml"));
        }
    }

    /**
     * A delay says on which thread the route goes on: Camel's default is its delay scheduler, a single thread under
     * virtual threads, where one slow step after the delay holds every other delayed exchange. llm-chat's retries call
     * the model after their delay, so they stay on the caller's thread (issue 25).
     */
    @Test
    void everyDelaySaysWhereTheRouteGoesOnAndTheLlmRetriesStayOnTheCallersThread() throws IOException {
        Map<String, List<JsonNode>> delays = new java.util.TreeMap<>();
        for (Path file : RouteFiles.all()) {
            // The delay EIP, not a timer's or consumer's delay parameter.
            List<JsonNode> found = YAML.readTree(file.toFile()).findValues("delay").stream()
                    .filter(JsonNode::isObject).toList();
            if (!found.isEmpty()) {
                delays.put(file.getFileName().toString(), found);
            }
        }
        assertThat(delays).containsKey("llm-chat.camel.yaml");
        delays.forEach((file, found) -> assertThat(found).as(file)
                .allSatisfy(delay -> assertThat(delay.has("asyncDelayed")).as(file + ": asyncDelayed").isTrue()));
        assertThat(delays.get("llm-chat.camel.yaml"))
                .allSatisfy(delay -> assertThat(delay.path("asyncDelayed").asBoolean(true)).isFalse());
    }

    @Test
    void routesTheRestApiFromTheCommittedContract() throws IOException {
        assertThat(schema.validate(YAML.readTree(REST_API.toFile()))).as(REST_API + " schema errors").isEmpty();
        JsonNode openApi = YAML.readTree(REST_API.toFile()).get(0).path("rest").path("openApi");
        assertThat(openApi.path("specification").asText()).isEqualTo("classpath:static/openapi/compliance-hub.yaml");
        assertThat(openApi.path("missingOperation").asText()).isEqualTo("fail");
    }

    /**
     * Adding an operation to the contract without its route fails the build here, naming the file to add (the hub
     * would refuse to start too: hub.contract.ContractRouting).
     */
    @Test
    void givesEveryOperationOfTheContractItsRouteFile() throws IOException {
        List<String> missing = new ArrayList<>();
        YAML.readTree(CONTRACT.toFile()).path("paths").properties().forEach(path ->
                path.getValue().properties().forEach(method -> {
                    JsonNode op = method.getValue();
                    if (!op.isObject() || !op.has("responses") || op.has("x-served-by")) {
                        return;
                    }
                    String id = op.path("operationId").asText();
                    // The contract's operations live in the API's stage folder (camel/10-api).
                    Path file = ROUTES.resolve("10-api").resolve(id + ".camel.yaml");
                    JsonNode route = Files.exists(file) ? readRoute(file) : null;
                    if (id.isEmpty() || route == null
                            || !route.path("from").path("uri").asText().equals("direct:" + id)
                            || !route.path("routeConfigurationId").asText().equals("api-operation")) {
                        missing.add(method.getKey().toUpperCase() + " " + path.getKey() + " (operationId '" + id
                                + "') needs " + file + ": a route from direct:" + id
                                + " with routeConfigurationId api-operation");
                    }
                }));
        assertThat(missing).as("operations of " + CONTRACT + " without their route").isEmpty();
    }

    private static JsonNode readRoute(Path file) {
        try {
            return YAML.readTree(file.toFile()).get(0).get("route");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routeFiles")
    void holdsOneCanonicalRouteWithAnIdNamedLikeTheFile(Path file) throws IOException {
        JsonNode doc = YAML.readTree(file.toFile());
        assertThat(doc.isArray()).isTrue();
        assertThat(doc).hasSize(1);
        JsonNode route = doc.get(0).get("route");
        assertThat(route).as("canonical '- route:' form").isNotNull();
        String id = route.path("id").asText();
        assertThat(file.getFileName().toString()).isEqualTo(id + ".camel.yaml");
        assertThat(route.path("from").path("uri").asText()).isNotBlank();
        assertThat(route.path("from").has("steps")).isTrue();
    }

    /**
     * A sub-route with Camel's default error handler would mark a failure as handled and exhausted, and the calling
     * route (its doCatch, the circuit breaker, the api-operation problem responses) would never see it.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("routeFiles")
    void letsSubRouteFailuresTravelBackToTheCaller(Path file) throws IOException {
        JsonNode route = YAML.readTree(file.toFile()).get(0).get("route");
        boolean subRoute = route.path("from").path("uri").asText().startsWith("direct:")
                && !route.has("routeConfigurationId");
        if (subRoute) {
            assertThat(route.path("errorHandler").has("noErrorHandler")).as(file + " needs noErrorHandler").isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routeFiles")
    void givesEveryCircuitBreakerAnIdAndPutsExternalEndpointsBehindPlaceholders(Path file) throws IOException {
        JsonNode doc = YAML.readTree(file.toFile());
        for (JsonNode breaker : doc.findValues("circuitBreaker")) {
            assertThat(breaker.path("id").asText()).as("circuitBreaker id in " + file).isNotBlank();
        }
        List<String> uris = new ArrayList<>();
        doc.findValues("uri").forEach(u -> uris.add(u.asText()));
        assertThat(uris).isNotEmpty().allSatisfy(uri ->
                assertThat(uri.contains("{{") || INTERNAL.matcher(uri).matches() || DYNAMIC.matcher(uri).matches())
                        .as("endpoint '" + uri + "' in " + file + " must be a {{placeholder}}").isTrue());
    }
}
