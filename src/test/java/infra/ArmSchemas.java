package infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Validates templates and parameter files against Azure's official resource schemas (JSON Schema draft-04) in
 * {@code ../shared/arm-schemas} (see its README), with com.networknt:json-schema-validator.
 *
 * <p>Each resource (top-level, child resources declared inside a parent's {@code resources}, and the resources of
 * inline nested templates) is validated against the definition of its type and API version: a top-level resource
 * against {@code <scope>resourceDefinitions}, a nested child against {@code definitions/<x>_childResource}. The
 * schema documents are rewritten once when loaded, so that
 * <ul>
 *   <li><b>unknown property names are errors</b>: an object schema that lists {@code properties} and says nothing
 *   about {@code additionalProperties} is closed ({@code additionalProperties: false}), as the shared README asks;
 *   schemas taking part in an {@code allOf} stay open, because draft-04 cannot close a composed object per part
 *   (the generated schemas use {@code allOf} only for discriminated unions: Front Door security-policy parameters,
 *   Microsoft.App Java components and a few Insights and Cache types);</li>
 *   <li><b>an ARM expression is accepted wherever a value is</b>: every schema in a value position (a property,
 *   {@code items}, {@code additionalProperties}, {@code patternProperties}) becomes
 *   {@code anyOf: [original, #/definitions/__armExpression]}. This also works around a generated-schema defect: many
 *   values are {@code oneOf: [{type: string}, expression]}, which an expression matches twice and so fails.</li>
 * </ul>
 * Template-level keys that the type schemas do not describe ({@code condition}, {@code dependsOn}, {@code copy},
 * {@code comments}, {@code scope}) are checked against {@code deploymentTemplate.json#/definitions/resourceBase}
 * instead; the rest of the template (parameters, variables, outputs) against the file named by its {@code $schema}.
 */
final class ArmSchemas {

    static final String BASE = "https://schema.management.azure.com/schemas/";
    static final String EXPRESSION_DEF = "__armExpression";
    private static final String COMMON_EXPRESSION = "common/definitions.json#/definitions/expression";
    /**
     * Keys ARM reads at the template level and the type schemas do not describe; {@code resourceGroup} and
     * {@code subscriptionId} target a nested deployment (deploymentTemplate.json's resource list allows them).
     */
    private static final Set<String> TEMPLATE_KEYS = Set.of("condition", "dependsOn", "copy", "comments", "scope",
            "resourceGroup", "subscriptionId");
    private static final String RESOURCE_BASE = BASE + "2019-04-01/deploymentTemplate.json#/definitions/resourceBase";
    private static final String PARAMETERS_SCHEMA = BASE + "2019-04-01/deploymentParameters.json#";

    final Path root;
    private final Map<String, ObjectNode> documents = new ConcurrentHashMap<>();
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> typesByFile = new ConcurrentHashMap<>();
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(false).build();

    ArmSchemas(Path root) {
        this.root = root;
        this.factory = JsonSchemaFactory.builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4))
                .schemaLoaders(loaders -> loaders.add(this::load)).build();
    }

    /** The shared schemas: {@code -Darm.schemas=DIR}, else {@code ../shared/arm-schemas} beside the checkout. */
    static ArmSchemas shared() {
        String override = System.getProperty("arm.schemas");
        List<Path> candidates = override != null ? List.of(Path.of(override))
                : List.of(Path.of("..", "shared", "arm-schemas"), Path.of("/work/shared/arm-schemas"));
        for (Path c : candidates) {
            if (Files.isDirectory(c.resolve("schemas"))) {
                return new ArmSchemas(c.resolve("schemas").toAbsolutePath().normalize());
            }
        }
        throw new IllegalStateException("Azure's resource schemas are missing: expected " + candidates
                + " (a folder holding schemas/); see /work/shared/arm-schemas/README.md");
    }

    // ---------------------------------------------------------------------------------------------- validation

    /** Every template and parameter file of the project; an empty list means no violation. */
    List<String> validate(ArmProject project) {
        List<String> out = new ArrayList<>();
        for (String t : project.templates()) {
            out.addAll(validateTemplate(t, project.get(t)));
        }
        for (String p : project.parameterFiles()) {
            out.addAll(validateParameterFile(p, project.get(p)));
        }
        return out;
    }

    List<String> validateParameterFile(String path, JsonNode file) {
        return messages(path, schema(PARAMETERS_SCHEMA), file);
    }

    List<String> validateTemplate(String path, JsonNode template) {
        List<String> out = new ArrayList<>();
        String schemaUri = template.path("$schema").asText();
        if (!schemaUri.startsWith(BASE) || !Files.isRegularFile(root.resolve(relative(schemaUri)))) {
            out.add(path + ": $schema " + schemaUri + " is not one of the shared template schemas in " + root);
            return out;
        }
        ObjectNode skeleton = (ObjectNode) template.deepCopy();
        skeleton.putArray("resources");
        out.addAll(messages(path, schema(schemaUri.replaceAll("#?$", "#")), skeleton));
        boolean subscription = schemaUri.contains("subscriptionDeploymentTemplate");
        resources(path, "$.resources", template.path("resources"), null, subscription, out);
        return out;
    }

    private void resources(String file, String where, JsonNode array, String parentType, boolean subscription,
            List<String> out) {
        for (int i = 0; i < array.size(); i++) {
            JsonNode r = array.get(i);
            String type = r.path("type").asText();
            String fullType = parentType == null ? type : parentType + "/" + type;
            String at = where + "[" + i + "]";
            String label = file + " " + at + " " + fullType + "@" + r.path("apiVersion").asText() + " '"
                    + r.path("name").asText() + "'";
            validateResource(label, r, fullType, parentType != null, subscription, out);
            resources(file, at + ".resources", r.path("resources"), fullType, subscription, out);
            JsonNode inline = r.path("properties").path("template");
            if (fullType.equalsIgnoreCase("Microsoft.Resources/deployments") && inline.isObject()) {
                // an inline nested template deploys into the resource group it names, or the parent's scope
                boolean nestedSubscription = subscription && !r.has("resourceGroup");
                resources(file, at + ".properties.template.resources", inline.path("resources"), null,
                        nestedSubscription, out);
            }
        }
    }

    private void validateResource(String label, JsonNode resource, String fullType, boolean nestedChild,
            boolean subscription, List<String> out) {
        String apiVersion = resource.path("apiVersion").asText();
        String definition = findDefinition(fullType, apiVersion, nestedChild, subscription);
        if (definition == null) {
            out.add(label + ": API version " + apiVersion + " of " + fullType + " is not in the shared schemas ("
                    + root + "); versions there: " + versionsOf(fullType));
            return;
        }
        JsonSchema typeSchema = schema(definition);
        Set<String> declared = new HashSet<>();
        typeSchema.getSchemaNode().path("properties").fieldNames().forEachRemaining(declared::add);
        ObjectNode own = (ObjectNode) resource.deepCopy();
        own.remove("resources"); // child resources are validated one by one, with their own schema
        ObjectNode templateLevel = JsonNodeFactory.instance.objectNode();
        for (String key : TEMPLATE_KEYS) {
            if (own.has(key) && !declared.contains(key)) {
                templateLevel.set(key, own.remove(key));
            }
        }
        out.addAll(messages(label, typeSchema, own));
        templateLevel.set("name", resource.path("name"));
        templateLevel.set("type", resource.path("type"));
        out.addAll(messages(label, schema(RESOURCE_BASE), templateLevel));
    }

    private List<String> messages(String label, JsonSchema schema, JsonNode instance) {
        List<String> out = new ArrayList<>();
        for (ValidationMessage m : schema.validate(instance)) {
            String where = m.getSchemaLocation().toString();
            // the expression branch of a wrapper always fails on a non-expression; its complaint says nothing
            if (where.contains(EXPRESSION_DEF) || ("anyOf".equals(m.getType()) && isWrapper(m.getSchemaNode()))) {
                continue;
            }
            String message = m.getMessage();
            out.add(label + (message.startsWith(": ") ? ": (root)" : ": ") + message);
        }
        return out;
    }

    private static boolean isWrapper(JsonNode anyOf) {
        return anyOf != null && anyOf.isArray() && anyOf.size() == 2
                && anyOf.get(1).path("$ref").asText().endsWith(EXPRESSION_DEF);
    }

    // ---------------------------------------------------------------------------------------------- lookup

    /** The absolute schema location of a resource type's definition, or null when the shared schemas lack it. */
    String findDefinition(String fullType, String apiVersion, boolean nestedChild, boolean subscription) {
        String namespace = fullType.contains("/") ? fullType.substring(0, fullType.indexOf('/')) : fullType;
        List<String> sections = nestedChild ? List.of("definitions")
                : subscription ? List.of("subscription_resourceDefinitions", "resourceDefinitions", "extension_resourceDefinitions")
                : List.of("resourceDefinitions", "extension_resourceDefinitions");
        for (String file : namespaceFiles(apiVersion, namespace)) {
            ObjectNode doc = document(file);
            for (String section : sections) {
                Iterator<Map.Entry<String, JsonNode>> it = doc.path(section).fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (matches(e.getKey(), e.getValue(), fullType, nestedChild)) {
                        return BASE + file + "#/" + section + "/" + e.getKey();
                    }
                }
            }
        }
        return null;
    }

    private static boolean matches(String key, JsonNode def, String fullType, boolean nestedChild) {
        JsonNode typeEnum = unwrapped(def.path("properties").path("type")).path("enum");
        if (nestedChild) {
            return key.endsWith("_childResource") && def.path("description").asText().equalsIgnoreCase(fullType);
        }
        for (JsonNode t : typeEnum) {
            if (t.asText().equalsIgnoreCase(fullType)) {
                return true;
            }
        }
        return false;
    }

    /** The original schema inside an expression wrapper. */
    static JsonNode unwrapped(JsonNode schema) {
        return isWrapper(schema.path("anyOf")) ? schema.path("anyOf").get(0) : schema;
    }

    private List<String> namespaceFiles(String apiVersion, String namespace) {
        Path dir = root.resolve(apiVersion);
        if (apiVersion.isEmpty() || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            String prefix = namespace.toLowerCase(Locale.ROOT) + ".";
            return s.map(p -> p.getFileName().toString()).filter(n -> n.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .sorted().map(n -> apiVersion + "/" + n).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The API versions in the shared schemas that define a type (at any scope, top-level form), oldest first. */
    TreeSet<String> versionsOf(String fullType) {
        TreeSet<String> out = new TreeSet<>();
        String namespace = fullType.contains("/") ? fullType.substring(0, fullType.indexOf('/')) : fullType;
        try (Stream<Path> s = Files.list(root)) {
            for (String v : s.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d{4}-\\d{2}-\\d{2}.*")).toList()) {
                if (namespaceFiles(v, namespace).stream().anyMatch(f -> typesIn(f).contains(fullType.toLowerCase(Locale.ROOT)))) {
                    out.add(v);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The resource types a schema file defines, lower case; read raw (no rewrite), since it only lists names. */
    private Set<String> typesIn(String rel) {
        return typesByFile.computeIfAbsent(rel, r -> {
            Set<String> types = new HashSet<>();
            try {
                JsonNode doc = ArmProject.JSON.readTree(root.resolve(r).toFile());
                doc.fields().forEachRemaining(section -> {
                    if (section.getKey().endsWith("esourceDefinitions")) {
                        section.getValue().elements().forEachRemaining(def -> def.path("properties").path("type")
                                .path("enum").elements().forEachRemaining(t -> types.add(t.asText().toLowerCase(Locale.ROOT))));
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return types;
        });
    }

    /** The newest GA (non-preview) version in the shared schemas that defines a type, or null. */
    String newestGa(String fullType) {
        return versionsOf(fullType).descendingSet().stream().filter(v -> !v.contains("preview")).findFirst().orElse(null);
    }

    // ---------------------------------------------------------------------------------------------- loading

    private JsonSchema schema(String location) {
        return compiled.computeIfAbsent(location, l -> factory.getSchema(SchemaLocation.of(l), config));
    }

    private com.networknt.schema.resource.InputStreamSource load(AbsoluteIri iri) {
        String uri = iri.toString();
        if (!uri.startsWith(BASE)) {
            return null;
        }
        String rel = relative(uri);
        if (!Files.isRegularFile(root.resolve(rel))) {
            // never fall through to the network: the shared folder is the whole truth
            throw new IllegalStateException(uri + " is not in the shared schemas (" + root + ")");
        }
        byte[] bytes;
        try {
            bytes = ArmProject.JSON.writeValueAsBytes(document(rel));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return () -> new ByteArrayInputStream(bytes);
    }

    private static String relative(String uri) {
        String rel = uri.substring(BASE.length());
        int hash = rel.indexOf('#');
        return hash < 0 ? rel : rel.substring(0, hash);
    }

    /** A schema file, parsed and rewritten (closed objects, expressions accepted) once. */
    ObjectNode document(String rel) {
        return documents.computeIfAbsent(rel, r -> {
            try {
                ObjectNode doc = (ObjectNode) ArmProject.JSON.readTree(root.resolve(r).toFile());
                rewrite(doc);
                return doc;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static void rewrite(ObjectNode doc) {
        if (doc.path("definitions").has("resourcesWithoutSymbolicName")) {
            // the template schemas list every resource type of Azure (thousands of remote files) in one oneOf;
            // each resource is validated against its own type's schema instead, so the template level takes any
            // object as a resource
            ((ObjectNode) doc.get("definitions")).putObject("resource").put("type", "object");
        }
        Set<JsonNode> open = Collections.newSetFromMap(new IdentityHashMap<>());
        collectAllOf(doc, doc, open);
        for (String section : List.of("resourceDefinitions", "subscription_resourceDefinitions",
                "managementGroup_resourceDefinitions", "tenant_resourceDefinitions", "extension_resourceDefinitions",
                "definitions")) {
            doc.path(section).elements().forEachRemaining(d -> visit(d, open));
        }
        if (doc.has("properties")) { // the template and parameter file schemas describe an object at the root
            visit(doc, open);
        }
        ObjectNode defs = doc.has("definitions") ? (ObjectNode) doc.get("definitions") : doc.putObject("definitions");
        defs.putObject(EXPRESSION_DEF).put("type", "string").put("pattern", "^\\[([^\\[].*)?\\]$");
    }

    /** Schemas that take part in an allOf (holders, inline members and local definitions they name) stay open. */
    private static void collectAllOf(ObjectNode doc, JsonNode node, Set<JsonNode> open) {
        if (node.isObject()) {
            if (node.path("allOf").isArray()) {
                open.add(node);
                for (JsonNode member : node.get("allOf")) {
                    open.add(member);
                    if (member instanceof ObjectNode m && m.path("additionalProperties").isBoolean()) {
                        // generated-schema defect (Microsoft.Cdn securityPolicies parameters, among others): the
                        // discriminator part of an allOf is closed with only "type", so no real value could pass
                        m.remove("additionalProperties");
                    }
                    String ref = member.path("$ref").asText();
                    if (ref.startsWith("#/definitions/")) {
                        JsonNode target = doc.path("definitions").path(ref.substring("#/definitions/".length()));
                        if (!target.isMissingNode()) {
                            open.add(target);
                        }
                    }
                }
            }
            node.elements().forEachRemaining(c -> collectAllOf(doc, c, open));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(c -> collectAllOf(doc, c, open));
        }
    }

    /**
     * Walks one schema by its keywords (never into a "properties" map as if it were a schema): closes it when it
     * lists properties, and wraps every value-position subschema so that an ARM expression is accepted there.
     */
    private static void visit(JsonNode schema, Set<JsonNode> open) {
        if (!(schema instanceof ObjectNode s)) {
            return;
        }
        if (s.path("properties").isObject() && !s.has("additionalProperties") && !open.contains(s)) {
            s.put("additionalProperties", false);
        }
        for (String map : List.of("properties", "patternProperties")) {
            if (s.path(map) instanceof ObjectNode props) {
                props.fields().forEachRemaining(e -> e.setValue(wrap(e.getValue(), open)));
            }
        }
        if (s.path("additionalProperties").isObject()) {
            s.set("additionalProperties", wrap(s.get("additionalProperties"), open));
        }
        if (s.path("items").isObject()) {
            s.set("items", wrap(s.get("items"), open));
        } else if (s.path("items") instanceof ArrayNode tuple) {
            for (int i = 0; i < tuple.size(); i++) {
                tuple.set(i, wrap(tuple.get(i), open));
            }
        }
        if (s.path("oneOf") instanceof ArrayNode oneOf) {
            // the generated "oneOf: [schema, expression]": the wrapper accepts expressions already, and an
            // expression matching both branches would fail a oneOf
            for (int i = oneOf.size() - 1; i >= 0; i--) {
                if (oneOf.get(i).path("$ref").asText().endsWith(COMMON_EXPRESSION)) {
                    oneOf.remove(i);
                }
            }
            if (oneOf.size() == 1 && !s.has("allOf")) {
                s.set("allOf", s.remove("oneOf"));
            }
        }
        for (String composite : List.of("oneOf", "anyOf", "allOf")) {
            s.path(composite).elements().forEachRemaining(m -> visit(m, open));
        }
        visit(s.path("not"), open);
    }

    private static JsonNode wrap(JsonNode valueSchema, Set<JsonNode> open) {
        visit(valueSchema, open);
        if (isWrapper(valueSchema.path("anyOf"))) {
            return valueSchema;
        }
        ObjectNode w = JsonNodeFactory.instance.objectNode();
        ArrayNode any = w.putArray("anyOf");
        any.add(valueSchema);
        any.addObject().put("$ref", "#/definitions/" + EXPRESSION_DEF);
        return w;
    }
}
