package infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * The JSON files under infra/arm, keyed by their path relative to it ("region/azuredeploy.json"). Checks work on
 * this in-memory model so negative tests can mutate a deep copy and see the check fail.
 */
final class ArmProject {

    static final Path ROOT = Path.of("infra", "arm");
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PARAMS_SCHEMA = "deploymentParameters.json";

    final Map<String, ObjectNode> files = new TreeMap<>();

    static ArmProject load() {
        ArmProject p = new ArmProject();
        try (Stream<Path> s = Files.walk(ROOT)) {
            for (Path f : s.filter(x -> x.toString().endsWith(".json")).sorted().toList()) {
                JsonNode n = JSON.readTree(f.toFile());
                if (!(n instanceof ObjectNode o)) {
                    throw new IllegalStateException(f + " is not a JSON object");
                }
                p.files.put(ROOT.relativize(f).toString().replace('\\', '/'), o);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    ArmProject copy() {
        ArmProject p = new ArmProject();
        files.forEach((k, v) -> p.files.put(k, v.deepCopy()));
        return p;
    }

    boolean isParameterFile(String path) {
        return files.get(path).path("$schema").asText().contains(PARAMS_SCHEMA);
    }

    List<String> templates() {
        return files.keySet().stream().filter(k -> !isParameterFile(k)).toList();
    }

    List<String> parameterFiles() {
        return files.keySet().stream().filter(this::isParameterFile).toList();
    }

    /** The template a parameter file targets: azuredeploy.json in the same folder. */
    String targetOf(String parameterFile) {
        int slash = parameterFile.lastIndexOf('/');
        return parameterFile.substring(0, slash + 1) + "azuredeploy.json";
    }

    ObjectNode get(String path) {
        ObjectNode n = files.get(path);
        if (n == null) {
            throw new IllegalArgumentException("no file " + path);
        }
        return n;
    }

    /** Resolves a linked template's relativePath against the folder of the template that declares it. */
    static String resolve(String fromTemplate, String relativePath) {
        Path base = Path.of(fromTemplate).getParent();
        Path p = (base == null ? Path.of(relativePath) : base.resolve(relativePath)).normalize();
        return p.toString().replace('\\', '/');
    }

    /** All resources of a template, nested child resources included. */
    static List<ObjectNode> resources(JsonNode template) {
        List<ObjectNode> out = new ArrayList<>();
        collect(template.path("resources"), out);
        return out;
    }

    private static void collect(JsonNode array, List<ObjectNode> out) {
        for (JsonNode r : array) {
            if (r instanceof ObjectNode o) {
                out.add(o);
                collect(o.path("resources"), out);
            }
        }
    }

    static List<ObjectNode> resourcesOfType(JsonNode template, String type) {
        return resources(template).stream().filter(r -> typeOf(r).equalsIgnoreCase(type)
                || type.toLowerCase().endsWith("/" + typeOf(r).toLowerCase())).toList();
    }

    static String typeOf(JsonNode resource) {
        return resource.path("type").asText();
    }

    /** Visits every string in the tree (object keys included) with its JSON path. */
    static void strings(JsonNode node, String path, BiConsumer<String, String> visitor) {
        if (node.isTextual()) {
            visitor.accept(path, node.asText());
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                visitor.accept(path + "{key}", e.getKey());
                strings(e.getValue(), path + "." + e.getKey(), visitor);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                strings(node.get(i), path + "[" + i + "]", visitor);
            }
        }
    }

    /** Visits every (key, value) pair of every object in the tree. */
    static void fields(JsonNode node, String path, FieldVisitor visitor) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                visitor.visit(path + "." + e.getKey(), e.getKey(), e.getValue());
                fields(e.getValue(), path + "." + e.getKey(), visitor);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                fields(node.get(i), path + "[" + i + "]", visitor);
            }
        }
    }

    interface FieldVisitor {
        void visit(String path, String key, JsonNode value);
    }

    /** Linked deployments (Microsoft.Resources/deployments with templateLink.relativePath) of a template. */
    static List<ObjectNode> linkedDeployments(JsonNode template) {
        return resourcesOfType(template, "Microsoft.Resources/deployments").stream()
                .filter(d -> d.path("properties").path("templateLink").has("relativePath")).toList();
    }

    /**
     * The value a parameter takes for a given parameter file: the file's value, else the template's default.
     * Returns null when neither exists.
     */
    static JsonNode parameterValue(JsonNode template, JsonNode parameterFile, String name) {
        JsonNode fromFile = parameterFile == null ? null : parameterFile.path("parameters").get(name);
        if (fromFile != null && fromFile.has("value")) {
            return fromFile.get("value");
        }
        JsonNode decl = template.path("parameters").get(name);
        return decl == null ? null : decl.get("defaultValue");
    }

    /** If the string is exactly [parameters('x')], returns x; else null. */
    static String parameterReference(JsonNode value) {
        if (value == null || !value.isTextual() || !ArmExpression.isExpression(value.asText())) {
            return null;
        }
        ArmExpression.Node n = ArmExpression.parseTemplateString(value.asText());
        if (n instanceof ArmExpression.Call c && c.name().equalsIgnoreCase("parameters") && c.args().size() == 1
                && c.args().get(0) instanceof ArmExpression.Str s) {
            return s.value();
        }
        return null;
    }

    /** If the string is exactly [variables('x')], returns x; else null. */
    static String variableReference(JsonNode value) {
        if (value == null || !value.isTextual() || !ArmExpression.isExpression(value.asText())) {
            return null;
        }
        ArmExpression.Node n = ArmExpression.parseTemplateString(value.asText());
        if (n instanceof ArmExpression.Call c && c.name().equalsIgnoreCase("variables") && c.args().size() == 1
                && c.args().get(0) instanceof ArmExpression.Str s) {
            return s.value();
        }
        return null;
    }
}
