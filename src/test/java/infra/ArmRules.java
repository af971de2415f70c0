package infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Structure and Azure quickstart (arm-ttk style) rules as checks over the JSON tree. Every check returns the list
 * of violations; an empty list means the rule holds.
 */
final class ArmRules {

    static final Set<String> TEMPLATE_SCHEMAS = Set.of(
            "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
            "https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#",
            "https://schema.management.azure.com/schemas/2019-08-01/managementGroupDeploymentTemplate.json#",
            "https://schema.management.azure.com/schemas/2019-08-01/tenantDeploymentTemplate.json#");
    static final String PARAMETERS_SCHEMA =
            "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#";
    static final Set<String> TOP_LEVEL = Set.of("$schema", "contentVersion", "metadata", "parameters", "variables",
            "functions", "resources", "outputs", "apiProfile", "languageVersion", "definitions");
    static final Set<String> PARAMETER_TYPES = Set.of("string", "securestring", "int", "bool", "object",
            "secureobject", "array");
    static final Pattern CONTENT_VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");
    static final Pattern API_VERSION = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})(-preview|-beta|-alpha|-privatepreview)?");

    /** Oldest apiVersion year accepted as "recent". */
    static final int MIN_API_YEAR = 2022;

    /**
     * Exceptions to the apiVersion rules, each for a resource type whose newest version of that kind is the one
     * named (as arm-ttk accepts the latest available version): Application Insights components have no GA
     * version after 2020-02-02, and diagnostic settings none but 2016-09-01 (which lacks category groups) before
     * 2021-05-01-preview.
     */
    static final Map<String, String> API_VERSION_EXCEPTIONS = Map.of(
            "microsoft.insights/components", "2020-02-02",
            "microsoft.insights/diagnosticsettings", "2021-05-01-preview");

    /** Azure region names (programmatic form) that must not appear literally in a template. */
    static final Set<String> REGIONS = Set.of("westeurope", "northeurope", "eastus", "eastus2", "westus", "westus2",
            "westus3", "centralus", "northcentralus", "southcentralus", "westcentralus", "uksouth", "ukwest",
            "francecentral", "francesouth", "germanywestcentral", "germanynorth", "swedencentral", "switzerlandnorth",
            "switzerlandwest", "norwayeast", "norwaywest", "polandcentral", "italynorth", "spaincentral",
            "southeastasia", "eastasia", "japaneast", "japanwest", "australiaeast", "australiasoutheast",
            "canadacentral", "canadaeast", "brazilsouth", "centralindia", "southindia", "koreacentral",
            "uaenorth", "southafricanorth", "qatarcentral", "israelcentral", "mexicocentral");

    /** Functions whose result is acceptable as a resource id (arm-ttk "IDs should be derived from resourceIds"). */
    static final Set<String> ID_FUNCTIONS = Set.of("resourceid", "subscriptionresourceid", "tenantresourceid",
            "extensionresourceid", "managementgroupresourceid", "parameters", "variables", "reference", "if");
    /** Keys ending in "Id" that are not resource ids. */
    static final Set<String> NOT_RESOURCE_IDS = Set.of("tenantId", "principalId", "customerId", "clientId",
            "objectId", "applicationId", "keyId", "frontDoorId", "subscriptionId");

    static List<String> structure(String path, JsonNode t) {
        List<String> out = new ArrayList<>();
        if (!TEMPLATE_SCHEMAS.contains(t.path("$schema").asText())) {
            out.add(path + ": unknown $schema '" + t.path("$schema").asText() + "'");
        }
        if (!CONTENT_VERSION.matcher(t.path("contentVersion").asText()).matches()) {
            out.add(path + ": contentVersion must look like 1.0.0.0");
        }
        t.fieldNames().forEachRemaining(k -> {
            if (!TOP_LEVEL.contains(k)) {
                out.add(path + ": unexpected top-level property " + k);
            }
        });
        if (!t.path("parameters").isObject()) {
            out.add(path + ": parameters must be an object");
        }
        if (!t.path("resources").isArray() || t.path("resources").isEmpty()) {
            out.add(path + ": resources must be a non-empty array");
        }
        if (t.has("outputs") && !t.path("outputs").isObject()) {
            out.add(path + ": outputs must be an object");
        }
        t.path("parameters").fields().forEachRemaining(e -> {
            String type = e.getValue().path("type").asText().toLowerCase(Locale.ROOT);
            if (!PARAMETER_TYPES.contains(type)) {
                out.add(path + ": parameter " + e.getKey() + " has type '" + type + "'");
            }
        });
        for (ObjectNode r : ArmProject.resources(t)) {
            for (String k : List.of("type", "apiVersion", "name")) {
                if (!r.path(k).isTextual() || r.path(k).asText().isBlank()) {
                    out.add(path + ": resource " + r.path("name").asText("?") + " lacks " + k);
                }
            }
        }
        t.path("outputs").fields().forEachRemaining(e -> {
            if (!e.getValue().has("type") || !e.getValue().has("value")) {
                out.add(path + ": output " + e.getKey() + " needs type and value");
            }
        });
        return out;
    }

    static List<String> parameterFileStructure(String path, JsonNode f) {
        List<String> out = new ArrayList<>();
        if (!PARAMETERS_SCHEMA.equals(f.path("$schema").asText())) {
            out.add(path + ": unknown parameter file $schema");
        }
        if (!CONTENT_VERSION.matcher(f.path("contentVersion").asText()).matches()) {
            out.add(path + ": contentVersion must look like 1.0.0.0");
        }
        if (!f.path("parameters").isObject()) {
            out.add(path + ": parameters must be an object");
        }
        f.path("parameters").fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            boolean value = v.has("value");
            boolean ref = v.has("reference");
            if (value == ref) {
                out.add(path + ": parameter " + e.getKey() + " needs exactly one of value or reference");
            }
            if (ref && (!v.path("reference").path("keyVault").has("id") || !v.path("reference").has("secretName"))) {
                out.add(path + ": parameter " + e.getKey() + " has an incomplete Key Vault reference");
            }
        });
        return out;
    }

    /** Every expression parses, calls known functions with sane arity. */
    static List<String> expressions(String path, JsonNode t) {
        List<String> out = new ArrayList<>();
        ArmProject.strings(t, "$", (where, s) -> {
            if (s.startsWith("[") && !s.startsWith("[[") && !s.endsWith("]")) {
                out.add(path + " " + where + ": unbalanced expression " + s);
                return;
            }
            if (!ArmExpression.isExpression(s)) {
                return;
            }
            try {
                ArmExpression.Node n = ArmExpression.parseTemplateString(s);
                for (String p : ArmExpression.problems(n)) {
                    out.add(path + " " + where + ": " + p);
                }
            } catch (ArmExpression.ParseException e) {
                out.add(path + " " + where + ": " + e.getMessage());
            }
        });
        return out;
    }

    /** Every parameters('x') / variables('x') is declared; every declared parameter and variable is used. */
    static List<String> declaredAndReferenced(String path, JsonNode t) {
        List<String> out = new ArrayList<>();
        Set<String> usedParams = new HashSet<>();
        Set<String> usedVars = new HashSet<>();
        ArmProject.strings(t, "$", (where, s) -> {
            if (ArmExpression.isExpression(s)) {
                try {
                    ArmExpression.Node n = ArmExpression.parseTemplateString(s);
                    usedParams.addAll(ArmExpression.literalArguments(n, "parameters"));
                    usedVars.addAll(ArmExpression.literalArguments(n, "variables"));
                } catch (ArmExpression.ParseException e) {
                    // reported by expressions()
                }
            }
        });
        // variable copy loops declare variables by name
        Set<String> declaredVars = new HashSet<>();
        t.path("variables").fieldNames().forEachRemaining(declaredVars::add);
        for (JsonNode c : t.path("variables").path("copy")) {
            declaredVars.add(c.path("name").asText());
        }
        Set<String> declaredParams = new HashSet<>();
        t.path("parameters").fieldNames().forEachRemaining(declaredParams::add);
        for (String p : usedParams) {
            if (!declaredParams.contains(p)) {
                out.add(path + ": parameters('" + p + "') is not declared");
            }
        }
        for (String v : usedVars) {
            if (!declaredVars.contains(v)) {
                out.add(path + ": variables('" + v + "') is not declared");
            }
        }
        for (String p : declaredParams) {
            if (!usedParams.contains(p)) {
                out.add(path + ": parameter " + p + " is never used");
            }
        }
        for (String v : declaredVars) {
            if (!v.equals("copy") && !usedVars.contains(v)) {
                out.add(path + ": variable " + v + " is never used");
            }
        }
        return out;
    }

    /** Every parameter without a default is supplied by the file; the file supplies nothing undeclared. */
    static List<String> parameterFileCoverage(String filePath, JsonNode file, JsonNode template) {
        List<String> out = new ArrayList<>();
        JsonNode declared = template.path("parameters");
        declared.fields().forEachRemaining(e -> {
            if (!e.getValue().has("defaultValue") && !file.path("parameters").has(e.getKey())) {
                out.add(filePath + ": required parameter " + e.getKey() + " is not supplied");
            }
        });
        file.path("parameters").fields().forEachRemaining(e -> {
            JsonNode decl = declared.get(e.getKey());
            if (decl == null) {
                out.add(filePath + ": parameter " + e.getKey() + " is not declared by the template");
                return;
            }
            JsonNode v = e.getValue().get("value");
            out.addAll(valueMatches(filePath, e.getKey(), decl, v));
        });
        return out;
    }

    /** A literal value fits the declaration: JSON type, allowedValues, min/max. */
    static List<String> valueMatches(String where, String name, JsonNode decl, JsonNode v) {
        List<String> out = new ArrayList<>();
        if (v == null || (v.isTextual() && ArmExpression.isExpression(v.asText()))) {
            return out;
        }
        String type = decl.path("type").asText().toLowerCase(Locale.ROOT);
        boolean ok = switch (type) {
            case "string", "securestring" -> v.isTextual();
            case "int" -> v.isIntegralNumber();
            case "bool" -> v.isBoolean();
            case "array" -> v.isArray();
            default -> v.isObject();
        };
        if (!ok) {
            out.add(where + ": " + name + " is not a " + type);
        }
        if (decl.has("allowedValues")) {
            boolean allowed = false;
            for (JsonNode a : decl.get("allowedValues")) {
                allowed |= a.equals(v);
            }
            if (!allowed) {
                out.add(where + ": " + name + " = " + v + " is not an allowed value");
            }
        }
        if (v.isIntegralNumber()) {
            if (decl.has("minValue") && v.asLong() < decl.get("minValue").asLong()) {
                out.add(where + ": " + name + " below minValue");
            }
            if (decl.has("maxValue") && v.asLong() > decl.get("maxValue").asLong()) {
                out.add(where + ": " + name + " above maxValue");
            }
        }
        return out;
    }

    /**
     * Linked templates exist; each deployment supplies every required parameter of its linked template, nothing
     * undeclared, and passes secure parameters only as Key Vault references or from secure parameters.
     */
    static List<String> linkedTemplates(ArmProject p) {
        List<String> out = new ArrayList<>();
        for (String path : p.templates()) {
            JsonNode t = p.get(path);
            for (ObjectNode d : ArmProject.linkedDeployments(t)) {
                String target = ArmProject.resolve(path, d.path("properties").path("templateLink").path("relativePath").asText());
                String name = d.path("name").asText();
                if (!p.files.containsKey(target)) {
                    out.add(path + ": deployment " + name + " links missing template " + target);
                    continue;
                }
                JsonNode child = p.get(target);
                JsonNode passed = d.path("properties").path("parameters");
                child.path("parameters").fields().forEachRemaining(e -> {
                    if (!e.getValue().has("defaultValue") && !passed.has(e.getKey())) {
                        out.add(path + ": deployment " + name + " does not pass required parameter " + e.getKey() + " of " + target);
                    }
                    String type = e.getValue().path("type").asText().toLowerCase(Locale.ROOT);
                    JsonNode arg = passed.get(e.getKey());
                    if (type.startsWith("secure") && arg != null && !arg.has("reference")) {
                        String from = ArmProject.parameterReference(arg.get("value"));
                        JsonNode fromDecl = from == null ? null : t.path("parameters").get(from);
                        if (fromDecl == null || !fromDecl.path("type").asText().toLowerCase(Locale.ROOT).startsWith("secure")) {
                            out.add(path + ": deployment " + name + " passes secure parameter " + e.getKey() + " as a plain value");
                        }
                    }
                    if (arg != null && arg.has("value")) {
                        out.addAll(valueMatches(path + " -> " + target, e.getKey(), e.getValue(), arg.get("value")));
                    }
                });
                passed.fieldNames().forEachRemaining(k -> {
                    if (!child.path("parameters").has(k)) {
                        out.add(path + ": deployment " + name + " passes undeclared parameter " + k + " to " + target);
                    }
                });
            }
        }
        return out;
    }

    /** metadata.description on every parameter. */
    static List<String> descriptions(String path, JsonNode t) {
        List<String> out = new ArrayList<>();
        t.path("parameters").fields().forEachRemaining(e -> {
            if (e.getValue().path("metadata").path("description").asText().isBlank()) {
                out.add(path + ": parameter " + e.getKey() + " lacks metadata.description");
            }
        });
        return out;
    }

    /** No default for securestring / secureobject parameters. */
    static List<String> secureParameterDefaults(String path, JsonNode t) {
        List<String> out = new ArrayList<>();
        t.path("parameters").fields().forEachRemaining(e -> {
            String type = e.getValue().path("type").asText().toLowerCase(Locale.ROOT);
            if (type.startsWith("secure") && e.getValue().has("defaultValue")) {
                out.add(path + ": secure parameter " + e.getKey() + " has a default value");
            }
        });
        return out;
    }

    static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|secret|connectionstring|accesskey|sharedkey|sastoken|primarykey|secondarykey).*");

    /** No secrets in outputs: no secure types, no list*() calls, no secret-sounding names, no secure parameters. */
    static List<String> secretOutputs(String path, JsonNode t) {
        List<String> out = new ArrayList<>();
        Set<String> secureParams = new HashSet<>();
        t.path("parameters").fields().forEachRemaining(e -> {
            if (e.getValue().path("type").asText().toLowerCase(Locale.ROOT).startsWith("secure")) {
                secureParams.add(e.getKey());
            }
        });
        t.path("outputs").fields().forEachRemaining(e -> {
            String name = e.getKey();
            JsonNode o = e.getValue();
            if (o.path("type").asText().toLowerCase(Locale.ROOT).startsWith("secure")) {
                out.add(path + ": output " + name + " has a secure type");
            }
            if (SECRET_NAME.matcher(name).matches()) {
                out.add(path + ": output " + name + " looks like a secret");
            }
            ArmProject.strings(o.path("value"), name, (w, s) -> {
                if (ArmExpression.isExpression(s)) {
                    ArmExpression.Node n = ArmExpression.parseTemplateString(s);
                    for (String f : ArmExpression.functionNames(n)) {
                        if (ArmExpression.isListFunction(f)) {
                            out.add(path + ": output " + name + " calls " + f + "()");
                        }
                    }
                    for (String p : ArmExpression.literalArguments(n, "parameters")) {
                        if (secureParams.contains(p)) {
                            out.add(path + ": output " + name + " returns secure parameter " + p);
                        }
                    }
                }
            });
        });
        return out;
    }

    /** Literal, well-formed, non-preview, recent apiVersions (with the documented exceptions). */
    static List<String> apiVersions(String path, JsonNode t) {
        List<String> out = new ArrayList<>();
        for (ObjectNode r : ArmProject.resources(t)) {
            String v = r.path("apiVersion").asText();
            String type = qualifiedType(r, t).toLowerCase(Locale.ROOT);
            String exception = API_VERSION_EXCEPTIONS.get(type);
            if (ArmExpression.isExpression(v)) {
                out.add(path + ": " + type + " apiVersion is an expression, not a literal");
                continue;
            }
            Matcher m = API_VERSION.matcher(v);
            if (!m.matches()) {
                out.add(path + ": " + type + " apiVersion '" + v + "' is malformed");
                continue;
            }
            if (v.equals(exception)) {
                continue;
            }
            if (m.group(4) != null) {
                out.add(path + ": " + type + " apiVersion " + v + " is a preview");
            }
            if (Integer.parseInt(m.group(1)) < MIN_API_YEAR) {
                out.add(path + ": " + type + " apiVersion " + v + " is older than " + MIN_API_YEAR);
            }
        }
        return out;
    }

    /** Full type of a resource, child resources declared inside a parent included. */
    static String qualifiedType(ObjectNode r, JsonNode template) {
        String type = ArmProject.typeOf(r);
        if (type.contains("/")) {
            return type;
        }
        for (ObjectNode parent : ArmProject.resources(template)) {
            for (JsonNode child : parent.path("resources")) {
                if (child == r) {
                    return qualifiedType(parent, template) + "/" + type;
                }
            }
        }
        return type;
    }

    /**
     * Location: every resource's location is "global" or an expression over a location parameter; the entry
     * template's location parameter defaults to resourceGroup().location or deployment().location; nested
     * templates give their location parameters no default.
     */
    static List<String> locations(String path, JsonNode t, boolean entry) {
        List<String> out = new ArrayList<>();
        for (ObjectNode r : ArmProject.resources(t)) {
            if (!r.has("location")) {
                continue;
            }
            String loc = r.path("location").asText();
            if (loc.equalsIgnoreCase("global")) {
                continue;
            }
            if (!ArmExpression.isExpression(loc)) {
                out.add(path + ": " + r.path("type").asText() + " has literal location '" + loc + "'");
                continue;
            }
            List<String> params = ArmExpression.literalArguments(ArmExpression.parseTemplateString(loc), "parameters");
            if (params.stream().noneMatch(p -> p.toLowerCase(Locale.ROOT).contains("location"))) {
                out.add(path + ": " + r.path("type").asText() + " location is not taken from a location parameter");
            }
        }
        t.path("parameters").fields().forEachRemaining(e -> {
            if (!e.getKey().toLowerCase(Locale.ROOT).contains("location")) {
                return;
            }
            JsonNode def = e.getValue().get("defaultValue");
            if (!entry && def != null) {
                out.add(path + ": nested template parameter " + e.getKey() + " must not have a default");
            }
            if (entry && e.getKey().equals("location") && (def == null || !Set.of("[resourceGroup().location]",
                    "[deployment().location]", "global").contains(def.asText()))) {
                out.add(path + ": parameter location must default to resourceGroup().location or deployment().location");
            }
            if (def != null && def.isTextual() && REGIONS.contains(def.asText().toLowerCase(Locale.ROOT).replace(" ", ""))) {
                out.add(path + ": parameter " + e.getKey() + " defaults to a literal region");
            }
        });
        return out;
    }

    /** No literal region names anywhere in a template ("global" is fine). */
    static List<String> literalRegions(String path, JsonNode t) {
        List<String> out = new ArrayList<>();
        ArmProject.strings(t, "$", (where, s) -> {
            String lower = s.toLowerCase(Locale.ROOT);
            for (String region : REGIONS) {
                if (Pattern.compile("(^|[^a-z0-9])" + region + "([^a-z0-9]|$)").matcher(lower).find()) {
                    out.add(path + " " + where + ": literal region '" + region + "'");
                }
            }
        });
        return out;
    }

    /** Properties named id or *Id hold expressions built from resourceId() and friends, never literal ids. */
    static List<String> resourceIds(String path, JsonNode t) {
        List<String> out = new ArrayList<>();
        for (ObjectNode r : ArmProject.resources(t)) {
            ArmProject.fields(r, r.path("name").asText(), (where, key, value) -> {
                if (!(key.equals("id") || key.endsWith("Id")) || NOT_RESOURCE_IDS.contains(key) || !value.isTextual()) {
                    return;
                }
                String s = value.asText();
                if (s.isEmpty()) {
                    return;
                }
                if (!ArmExpression.isExpression(s)) {
                    out.add(path + " " + where + ": literal id '" + s + "'; use resourceId()");
                    return;
                }
                ArmExpression.Node n = ArmExpression.parseTemplateString(s);
                String root = n instanceof ArmExpression.Call c ? c.name().toLowerCase(Locale.ROOT) : "";
                if (!ID_FUNCTIONS.contains(root)) {
                    out.add(path + " " + where + ": id built with " + root + "(); use resourceId()");
                }
            });
        }
        return out;
    }

    private ArmRules() {}
}
