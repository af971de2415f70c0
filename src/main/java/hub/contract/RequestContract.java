package hub.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hub.input.StrictJson;
import hub.job.SubmissionReader;
import hub.problem.ProblemException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Checks a request against its operation in openapi/compliance-hub.yaml before the operation's route runs (the
 * route configuration {@code api-operation}): the query parameters the operation declares, and a JSON body against
 * the operation's request schema (after the strict reading of {@link StrictJson}: media type, UTF-8, duplicate keys,
 * control characters). The parsed body is left in the exchange property {@link #BODY}. Path parameters are left to
 * the routes, because the contract says an id that is not a UUID is a {@code 404}, not a {@code 400}; headers are
 * checked by the servlet filters before any route.
 */
@Component("requestContract")
public class RequestContract {

    public static final String RESOURCE = "static/openapi/compliance-hub.yaml";
    /** The exchange property holding the operation id; set by {@link ContractRouting}. */
    public static final String OPERATION = "apiOperation";
    /** The exchange property holding the checked body as a JSON tree. */
    public static final String BODY = "apiRequestJson";
    private static final Pattern PLAIN_NUMBER = Pattern.compile("\\d{1,9}");
    private static final String JSON = "application/json";

    private final StrictJson json;
    private final Map<String, Operation> operations = new HashMap<>();

    @Autowired
    public RequestContract(ObjectMapper mapper) {
        this(mapper, RESOURCE);
    }

    RequestContract(ObjectMapper mapper, String resource) {
        this.json = new StrictJson(mapper);
        JsonNode document = SchemaCheck.document(resource);
        document.path("paths").properties().forEach(path -> {
            JsonNode shared = path.getValue().path("parameters");
            path.getValue().properties().forEach(method -> {
                JsonNode op = method.getValue();
                if (!op.has("operationId")) {
                    return;
                }
                List<QueryParameter> query = new ArrayList<>();
                for (JsonNode list : List.of(shared, op.path("parameters"))) {
                    list.forEach(p -> {
                        JsonNode param = p.has("$ref") ? document.at(p.get("$ref").asText().substring(1)) : p;
                        if ("query".equals(param.path("in").asText())) {
                            query.add(new QueryParameter(param.path("name").asText(),
                                    param.path("required").asBoolean(), param.path("schema")));
                        }
                    });
                }
                SchemaCheck body = null;
                if (op.path("requestBody").path("content").has(JSON)) {
                    body = new SchemaCheck(resource, document, "/paths/" + escape(path.getKey()) + "/"
                            + method.getKey() + "/requestBody/content/" + escape(JSON) + "/schema");
                }
                // An operation whose 400 answer documents malformed-json (batches) answers a body that is not JSON
                // with that type, as its document says; the others with invalid-request.
                boolean malformedJson = op.path("responses").path("400").toString().contains("problems/malformed-json");
                operations.put(op.get("operationId").asText(), new Operation(query, body, malformedJson));
            });
        });
    }

    /** Throws the problem of the first way the request breaks its operation's contract. */
    public void check(Exchange exchange) {
        String id = exchange.getProperty(OPERATION, String.class);
        Operation operation = operations.get(id);
        if (operation == null) {
            throw new IllegalStateException("No operation '" + id + "' in " + RESOURCE);
        }
        for (QueryParameter parameter : operation.query()) {
            parameter.check(exchange.getIn().getHeader(parameter.name(), String.class));
        }
        if (operation.body() != null) {
            StrictJson.requireJson(exchange.getIn().getHeader(Exchange.CONTENT_TYPE, String.class));
            String text = SubmissionReader.utf8Body(exchange);
            if (text == null || text.isBlank()) {
                throw ProblemException.badRequest("The request body is empty; send a JSON object.");
            }
            JsonNode body = parse(text, operation.malformedJsonProblem());
            operation.body().require(body);
            exchange.setProperty(BODY, body);
        }
    }

    private JsonNode parse(String text, boolean malformedJsonProblem) {
        try {
            return json.parse(text, JsonNode.class, "those of the request schema");
        } catch (ProblemException problem) {
            if (malformedJsonProblem && problem.type().equals("invalid-request")) {
                throw new ProblemException(400, "malformed-json", "Malformed JSON",
                        "The body is not valid JSON: " + problem.detail(), problem.extensions());
            }
            throw problem;
        }
    }

    /** The operation ids of the document, for the routing check. */
    public java.util.Set<String> operationIds() {
        return java.util.Collections.unmodifiableSet(operations.keySet());
    }

    private record Operation(List<QueryParameter> query, SchemaCheck body, boolean malformedJsonProblem) {
    }

    /**
     * A query parameter: required ones must be present; an integer must be plain decimal digits (no sign, space or
     * empty value, never read as its default) within the schema's {@code minimum} and {@code maximum}.
     */
    record QueryParameter(String name, boolean required, JsonNode schema) {

        void check(String value) {
            if (value == null) {
                if (required) {
                    throw new ProblemException(400, "invalid-request", "Invalid request",
                            "The query parameter '" + name + "' is required.", Map.of("parameter", name));
                }
                return;
            }
            if (!"integer".equals(schema.path("type").asText())) {
                return;
            }
            if (!PLAIN_NUMBER.matcher(value).matches()) {
                throw new ProblemException(400, "invalid-parameter", "Invalid query parameter", name
                        + " must be a plain decimal number (digits only, no sign or spaces).", Map.of("parameter", name));
            }
            long number = Long.parseLong(value);
            boolean low = schema.has("minimum") && number < schema.get("minimum").asLong();
            boolean high = schema.has("maximum") && number > schema.get("maximum").asLong();
            if (low || high) {
                String range = schema.has("maximum")
                        ? schema.path("minimum").asLong() + " to " + schema.get("maximum").asLong()
                        : schema.get("minimum").asLong() + " or more";
                throw new ProblemException(400, "invalid-request", "Invalid request",
                        name + " must be " + range + ".", Map.of("parameter", name));
            }
        }
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
