package hub.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The spec the hub serves (camel-openapi-java, /api/v1/openapi.json) and openapi/compliance-hub.yaml agree: the same
 * /api paths and methods, the same parameters, and every status code the routes declare is documented.
 */
class OpenApiContractIT extends LocalServicesIT {

    @Test
    void theServedSpecAndTheCommittedContractAgree() throws Exception {
        var served = HubClient.json(hub.get("/api/v1/openapi.json"));
        JsonNode committed = new ObjectMapper(new YAMLFactory()).readTree(new File("openapi/compliance-hub.yaml"));

        Map<String, JsonNode> servedOps = operations(served);
        Map<String, JsonNode> committedOps = operations(committed);
        assertThat(servedOps.keySet()).isNotEmpty().isEqualTo(committedOps.keySet());
        for (String op : servedOps.keySet()) {
            JsonNode committedParams = resolved(committed, committedOps.get(op).path("parameters"));
            assertThat(names(servedOps.get(op).path("parameters"), "path"))
                    .as(op + " path parameters").isEqualTo(names(committedParams, "path"));
            assertThat(names(committedParams, "query"))
                    .as(op + " query parameters").containsAll(names(servedOps.get(op).path("parameters"), "query"));
            TreeSet<String> codes = new TreeSet<>();
            servedOps.get(op).path("responses").fieldNames().forEachRemaining(codes::add);
            // Camel writes "default" for an operation that declares no response message.
            codes.remove("default");
            TreeSet<String> documented = new TreeSet<>();
            committedOps.get(op).path("responses").fieldNames().forEachRemaining(documented::add);
            assertThat(documented).as(op + " status codes").containsAll(codes);
        }
    }

    /** "METHOD path" of every /api operation, with the path's shared parameters added to its own. */
    private static Map<String, JsonNode> operations(JsonNode spec) {
        Map<String, JsonNode> ops = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            JsonNode shared = path.getValue().path("parameters");
            path.getValue().fields().forEachRemaining(m -> {
                if (!m.getKey().equals("parameters")) {
                    var op = ((com.fasterxml.jackson.databind.node.ObjectNode) m.getValue()).deepCopy();
                    var all = op.withArray("parameters");
                    shared.forEach(all::add);
                    ops.put(m.getKey().toUpperCase() + " " + path.getKey(), op);
                }
            });
        }
        return ops;
    }

    /** The parameters with each {@code $ref} to components/parameters replaced by its target. */
    private static JsonNode resolved(JsonNode spec, JsonNode parameters) {
        var list = new ObjectMapper().createArrayNode();
        parameters.forEach(p -> list.add(p.has("$ref")
                ? spec.at(p.path("$ref").asText().substring(1)) : p));
        return list;
    }

    private static TreeSet<String> names(JsonNode parameters, String in) {
        TreeSet<String> names = new TreeSet<>();
        parameters.forEach(p -> {
            if (in.equals(p.path("in").asText())) {
                names.add(p.path("name").asText());
            }
        });
        return names;
    }
}
