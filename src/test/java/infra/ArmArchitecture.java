package infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The architecture's promises (seed "Azure Resources", "Multi-Region Strategy", "Security Hardening") as checks
 * over the templates and the values the parameter files give them. Values are followed through the linked
 * deployments: a nested template's [parameters('x')] is looked up in the deployment that links it, and the
 * entry template's [parameters('y')] in the parameter file (or the default).
 */
final class ArmArchitecture {

    static final String GLOBAL = "global/azuredeploy.json";
    static final String GLOBAL_PARAMS = "global/azuredeploy.parameters.json";
    static final String GLOBAL_SMALL = "global/azuredeploy.parameters.small.json";
    static final String FRONT_DOOR = "global/nested/frontDoor.json";
    static final String SHARED = "global/nested/shared.json";
    static final String REGION = "region/azuredeploy.json";
    static final String WEST = "region/azuredeploy.parameters.westeurope.json";
    static final String NORTH = "region/azuredeploy.parameters.northeurope.json";
    static final String REGION_SMALL = "region/azuredeploy.parameters.small.json";
    static final String POSTGRES = "region/nested/postgres.json";
    static final String PAIRING = "region/nested/pairing.json";
    static final String READINESS = "/actuator/health/readiness";
    static final String LIVENESS = "/actuator/health/liveness";

    /** The seed's five Key Vault secret names. */
    static final List<String> SEED_SECRETS = List.of("CUDAAP_OPENAI_API_KEY", "DB_CONNECTION_STRING",
            "REDIS_CONNECTION_STRING", "JWT_SECRET_KEY", "SMART_SEARCH_API_KEY");
    /** Environment variables that carry credentials and must come from Key Vault. */
    static final Set<String> SENSITIVE_ENV = Set.of("CUDAAP_OPENAI_API_KEY", "DB_CONNECTION_STRING",
            "REDIS_CONNECTION_STRING", "JWT_SECRET_KEY", "SMART_SEARCH_API_KEY", "AZURE_STORAGE_CONNECTION_STRING",
            "SERVICEBUS_CONNECTION_STRING", "MLFLOW_BACKEND_STORE_URI", "HUB_LLM_API_KEY", "BATCH_CALLBACK_SECRET");

    /** Replica counts of the seed per regional parameter file: {min, max}. */
    static final Map<String, int[]> SEED_REPLICAS = Map.of(WEST, new int[] {3, 20}, NORTH, new int[] {2, 15});

    private final ArmProject p;
    private final List<String> out = new ArrayList<>();

    private ArmArchitecture(ArmProject p) {
        this.p = p;
    }

    // ---------------------------------------------------------------- value resolution

    /** Value of an entry template expression for one parameter file. */
    JsonNode entryValue(String entry, String paramFile, JsonNode value) {
        String name = ArmProject.parameterReference(value);
        if (name == null) {
            return value;
        }
        return ArmProject.parameterValue(p.get(entry), paramFile == null ? null : p.get(paramFile), name);
    }

    /** Value of a nested template expression, through the deployment of the entry template that links it. */
    JsonNode nestedValue(String entry, ObjectNode deployment, String nested, String paramFile, JsonNode value) {
        String name = ArmProject.parameterReference(value);
        if (name == null) {
            return value;
        }
        JsonNode arg = deployment.path("properties").path("parameters").get(name);
        if (arg == null || !arg.has("value")) {
            return p.get(nested).path("parameters").path(name).get("defaultValue");
        }
        return entryValue(entry, paramFile, arg.get("value"));
    }

    ObjectNode deploymentLinking(String entry, String nested, String nameContains) {
        for (ObjectNode d : ArmProject.linkedDeployments(p.get(entry))) {
            String target = ArmProject.resolve(entry, d.path("properties").path("templateLink").path("relativePath").asText());
            if (target.equals(nested) && d.path("name").asText().contains(nameContains)) {
                return d;
            }
        }
        out.add(entry + ": no deployment links " + nested + " (" + nameContains + ")");
        return null;
    }

    private ObjectNode single(String path, String type) {
        List<ObjectNode> rs = ArmProject.resourcesOfType(p.get(path), type);
        if (rs.size() != 1) {
            out.add(path + ": expected one " + type + ", found " + rs.size());
            return null;
        }
        return rs.get(0);
    }

    private void expect(String what, JsonNode actual, Object expected) {
        String a = actual == null || actual.isNull() ? null : actual.asText();
        if (!Objects.equals(a, String.valueOf(expected))) {
            out.add(what + ": expected " + expected + ", got " + a);
        }
    }

    private List<String> globalParamFiles() {
        return List.of(GLOBAL_PARAMS, GLOBAL_SMALL);
    }

    private List<String> regionParamFiles() {
        return List.of(WEST, NORTH, REGION_SMALL);
    }

    // ---------------------------------------------------------------- Front Door and WAF

    static List<String> frontDoor(ArmProject p) {
        ArmArchitecture a = new ArmArchitecture(p);
        ObjectNode d = a.deploymentLinking(GLOBAL, FRONT_DOOR, "frontdoor");
        ObjectNode group = a.single(FRONT_DOOR, "Microsoft.Cdn/profiles/originGroups");
        List<ObjectNode> origins = ArmProject.resourcesOfType(p.get(FRONT_DOOR), "Microsoft.Cdn/profiles/originGroups/origins");
        ObjectNode profile = a.single(FRONT_DOOR, "Microsoft.Cdn/profiles");
        if (d == null || group == null || profile == null) {
            return a.out;
        }
        a.expect(FRONT_DOOR + " profile sku", profile.path("sku").path("name"), "Premium_AzureFrontDoor");
        JsonNode probe = group.path("properties").path("healthProbeSettings");
        JsonNode lb = group.path("properties").path("loadBalancingSettings");
        if (lb.path("additionalLatencyInMilliseconds").asInt(0) < 100) {
            a.out.add(FRONT_DOOR + ": additionalLatencyInMilliseconds below 100 ms sends all traffic to the fastest origin, not 70/30");
        }
        if (origins.size() != 2) {
            a.out.add(FRONT_DOOR + ": expected two origins, found " + origins.size());
        }
        for (String file : a.globalParamFiles()) {
            a.expect(file + " health probe path", a.nestedValue(GLOBAL, d, FRONT_DOOR, file, probe.path("probePath")), READINESS);
            a.expect(file + " health probe protocol", probe.path("probeProtocol"), "Https");
            JsonNode interval = a.nestedValue(GLOBAL, d, FRONT_DOOR, file, probe.path("probeIntervalInSeconds"));
            if (interval == null || interval.asInt() <= 0 || interval.asInt() > 30) {
                a.out.add(file + ": health probe interval must be 1..30 s for a failover under 30 s");
            }
            for (ObjectNode o : origins) {
                String name = o.path("name").asText();
                JsonNode props = o.path("properties");
                a.expect(file + " " + name + " priority", a.nestedValue(GLOBAL, d, FRONT_DOOR, file, props.path("priority")), 1);
                int expected = name.contains("'primary'") ? 70 : name.contains("'secondary'") ? 30 : -1;
                a.expect(file + " " + name + " weight", a.nestedValue(GLOBAL, d, FRONT_DOOR, file, props.path("weight")), expected);
                a.expect(file + " " + name + " enabled", props.path("enabledState"), "Enabled");
            }
        }
        ObjectNode route = a.single(FRONT_DOOR, "Microsoft.Cdn/profiles/afdEndpoints/routes");
        if (route != null && !route.path("properties").path("originGroup").path("id").asText().contains("originGroups")) {
            a.out.add(FRONT_DOOR + ": the route does not use the origin group");
        }
        return a.out;
    }

    static List<String> waf(ArmProject p) {
        ArmArchitecture a = new ArmArchitecture(p);
        ObjectNode d = a.deploymentLinking(GLOBAL, FRONT_DOOR, "frontdoor");
        ObjectNode policy = a.single(FRONT_DOOR, "Microsoft.Network/FrontDoorWebApplicationFirewallPolicies");
        ObjectNode security = a.single(FRONT_DOOR, "Microsoft.Cdn/profiles/securityPolicies");
        if (d == null || policy == null || security == null) {
            return a.out;
        }
        JsonNode settings = policy.path("properties").path("policySettings");
        a.expect(FRONT_DOOR + " WAF enabledState", settings.path("enabledState"), "Enabled");
        for (String file : a.globalParamFiles()) {
            a.expect(file + " WAF mode", a.nestedValue(GLOBAL, d, FRONT_DOOR, file, settings.path("mode")), "Prevention");
        }
        Set<String> sets = new TreeSet<>();
        for (JsonNode s : policy.path("properties").path("managedRules").path("managedRuleSets")) {
            sets.add(s.path("ruleSetType").asText());
        }
        if (!(sets.contains("Microsoft_DefaultRuleSet") || sets.contains("DefaultRuleSet"))) {
            a.out.add(FRONT_DOOR + ": WAF lacks the Microsoft default rule set, has " + sets);
        }
        if (!sets.contains("Microsoft_BotManagerRuleSet")) {
            a.out.add(FRONT_DOOR + ": WAF lacks the bot manager rule set, has " + sets);
        }
        JsonNode params = security.path("properties").path("parameters");
        a.expect(FRONT_DOOR + " security policy type", params.path("type"), "WebApplicationFirewall");
        if (!params.path("wafPolicy").path("id").asText().contains("FrontDoorWebApplicationFirewallPolicies")) {
            a.out.add(FRONT_DOOR + ": the security policy does not attach the WAF policy");
        }
        if (params.path("associations").isEmpty() || params.path("associations").get(0).path("domains").isEmpty()) {
            a.out.add(FRONT_DOOR + ": the security policy is associated with no endpoint");
        }
        return a.out;
    }

    // ---------------------------------------------------------------- PostgreSQL

    static List<String> postgres(ArmProject p) {
        ArmArchitecture a = new ArmArchitecture(p);
        JsonNode vars = p.get(POSTGRES).path("variables");
        ObjectNode server = a.single(POSTGRES, "Microsoft.DBforPostgreSQL/flexibleServers");
        ObjectNode d = a.deploymentLinking(REGION, POSTGRES, "'{0}-postgres'");
        if (server == null || d == null) {
            return a.out;
        }
        String props = server.path("properties").asText();
        if (!props.contains("variables('primaryOnlyProperties')") || !props.contains("variables('commonProperties')")) {
            a.out.add(POSTGRES + ": server properties do not combine commonProperties and primaryOnlyProperties");
        }
        a.expect(POSTGRES + " public network access", vars.path("commonProperties").path("network").path("publicNetworkAccess"), "Disabled");
        JsonNode primary = vars.path("primaryOnlyProperties");
        JsonNode ha = primary.path("highAvailability").path("mode");
        JsonNode retention = primary.path("backup").path("backupRetentionDays");
        JsonNode geo = primary.path("backup").path("geoRedundantBackup");
        String mod = POSTGRES;
        a.expect(WEST + " PostgreSQL HA", a.nestedValue(REGION, d, mod, WEST, ha), "ZoneRedundant");
        a.expect(WEST + " PostgreSQL backup retention", a.nestedValue(REGION, d, mod, WEST, retention), 35);
        a.expect(WEST + " PostgreSQL geo-redundant backup", a.nestedValue(REGION, d, mod, WEST, geo), "Enabled");
        JsonNode sku = server.path("sku").path("name");
        a.expect(WEST + " PostgreSQL SKU", a.nestedValue(REGION, d, mod, WEST, sku), "Standard_D4ds_v4");
        a.expect(NORTH + " PostgreSQL SKU", a.nestedValue(REGION, d, mod, NORTH, sku), "Standard_D2ds_v4");
        // the secondary's server is a read replica of the primary's
        a.expect(REGION + " createMode", d.path("properties").path("parameters").path("createMode").path("value"),
                "[if(variables('isSecondary'), 'Replica', 'Default')]");
        a.expect(REGION + " isSecondary", p.get(REGION).path("variables").path("isSecondary"), "[equals(parameters('regionRole'), 'secondary')]");
        a.expect(NORTH + " regionRole", ArmProject.parameterValue(p.get(REGION), p.get(NORTH), "regionRole"), "secondary");
        a.expect(WEST + " regionRole", ArmProject.parameterValue(p.get(REGION), p.get(WEST), "regionRole"), "primary");
        a.expect(POSTGRES + " replica createMode", vars.path("replicaProperties").path("createMode"), "Replica");
        JsonNode storage = vars.path("commonProperties").path("storage").path("storageSizeGB");
        JsonNode we = a.nestedValue(REGION, d, mod, WEST, storage);
        JsonNode ne = a.nestedValue(REGION, d, mod, NORTH, storage);
        if (we == null || ne == null || ne.asInt() < we.asInt()) {
            a.out.add(NORTH + ": the replica's storage must be at least the primary's");
        }
        return a.out;
    }

    // ---------------------------------------------------------------- Redis

    static List<String> redis(ArmProject p) {
        ArmArchitecture a = new ArmArchitecture(p);
        ObjectNode cache = a.single(REGION, "Microsoft.Cache/redis");
        ObjectNode link = a.single(PAIRING, "Microsoft.Cache/redis/linkedServers");
        ObjectNode pairing = a.deploymentLinking(REGION, PAIRING, "pairing");
        if (cache == null || link == null || pairing == null) {
            return a.out;
        }
        JsonNode sku = cache.path("properties").path("sku");
        for (String file : List.of(WEST, NORTH)) {
            a.expect(file + " Redis tier", a.entryValue(REGION, file, sku.path("name")), "Premium");
            a.expect(file + " Redis capacity (P2)", a.entryValue(REGION, file, sku.path("capacity")), 2);
        }
        a.expect(REGION + " Redis family", sku.path("family"), "[if(equals(parameters('redisSkuName'), 'Premium'), 'P', 'C')]");
        a.expect(REGION + " Redis public access", cache.path("properties").path("publicNetworkAccess"), "Disabled");
        a.expect(REGION + " Redis non-TLS port", cache.path("properties").path("enableNonSslPort"), false);
        a.expect(PAIRING + " geo-replication role", link.path("properties").path("serverRole"), "Secondary");
        a.expect(REGION + " pairing condition", pairing.path("condition"), "[variables('isSecondary')]");
        a.expect(REGION + " pairing target", pairing.path("resourceGroup"), "[parameters('primaryResourceGroupName')]");
        return a.out;
    }

    // ---------------------------------------------------------------- Storage

    static List<String> storage(ArmProject p) {
        ArmArchitecture a = new ArmArchitecture(p);
        ObjectNode d = a.deploymentLinking(GLOBAL, SHARED, "shared");
        ObjectNode account = a.single(SHARED, "Microsoft.Storage/storageAccounts");
        ObjectNode blob = a.single(SHARED, "Microsoft.Storage/storageAccounts/blobServices");
        ObjectNode worm = a.single(SHARED, "Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies");
        ObjectNode containers = a.single(SHARED, "Microsoft.Storage/storageAccounts/blobServices/containers");
        ObjectNode lifecycle = a.single(SHARED, "Microsoft.Storage/storageAccounts/managementPolicies");
        if (d == null || account == null || blob == null || worm == null || containers == null || lifecycle == null) {
            return a.out;
        }
        JsonNode vars = p.get(SHARED).path("variables");
        for (String file : a.globalParamFiles()) {
            a.expect(file + " storage SKU", a.nestedValue(GLOBAL, d, SHARED, file, account.path("sku").path("name")), "Standard_GZRS");
            a.expect(file + " blob soft delete days", a.nestedValue(GLOBAL, d, SHARED, file,
                    blob.path("properties").path("deleteRetentionPolicy").path("days")), 14);
            JsonNode rules = vars.path("lifecycleRulesCold").get(0).path("definition").path("actions").path("baseBlob");
            a.expect(file + " Cool after", a.nestedValue(GLOBAL, d, SHARED, file, rules.path("tierToCool").path("daysAfterModificationGreaterThan")), 30);
            a.expect(file + " long-term tier after", a.nestedValue(GLOBAL, d, SHARED, file, rules.path("tierToCold").path("daysAfterModificationGreaterThan")), 180);
            JsonNode wormDays = a.nestedValue(GLOBAL, d, SHARED, file, worm.path("properties").path("immutabilityPeriodSinceCreationInDays"));
            if (wormDays == null || wormDays.asInt() < 1) {
                a.out.add(file + ": the audit-logs immutability period must be at least one day");
            }
        }
        a.expect(SHARED + " blob versioning", blob.path("properties").path("isVersioningEnabled"), true);
        a.expect(SHARED + " blob soft delete", blob.path("properties").path("deleteRetentionPolicy").path("enabled"), true);
        a.expect(SHARED + " storage public access", account.path("properties").path("publicNetworkAccess"), "Disabled");
        a.expect(SHARED + " anonymous blob access", account.path("properties").path("allowBlobPublicAccess"), false);
        Set<String> names = new HashSet<>();
        vars.path("blobContainers").forEach(n -> names.add(n.asText()));
        for (String c : List.of("articles", "reports", "gtc-cache", "audit-logs")) {
            if (!names.contains(c)) {
                a.out.add(SHARED + ": container " + c + " is missing");
            }
        }
        a.expect(SHARED + " audit container", vars.path("auditContainerName"), "audit-logs");
        if (!worm.path("name").asText().contains("variables('auditContainerName')")) {
            a.out.add(SHARED + ": the immutability policy is not on the audit container");
        }
        a.expect(SHARED + " audit appends", worm.path("properties").path("allowProtectedAppendWrites"), true);
        a.expect(SHARED + " version-level WORM on the audit container",
                containers.path("properties").path("immutableStorageWithVersioning").path("enabled"),
                "[equals(variables('blobContainers')[copyIndex()], variables('auditContainerName'))]");
        return a.out;
    }

    // ---------------------------------------------------------------- Service Bus

    static List<String> serviceBus(ArmProject p) {
        ArmArchitecture a = new ArmArchitecture(p);
        ObjectNode ns = a.single(REGION, "Microsoft.ServiceBus/namespaces");
        List<ObjectNode> queues = ArmProject.resourcesOfType(p.get(REGION), "Microsoft.ServiceBus/namespaces/queues");
        ObjectNode topic = a.single(REGION, "Microsoft.ServiceBus/namespaces/topics");
        ObjectNode alias = a.single(PAIRING, "Microsoft.ServiceBus/namespaces/disasterRecoveryConfigs");
        if (ns == null || topic == null || alias == null) {
            return a.out;
        }
        a.expect(REGION + " Service Bus tier", ns.path("sku").path("name"), "Premium");
        a.expect(REGION + " Service Bus public access", ns.path("properties").path("publicNetworkAccess"), "Disabled");
        Map<String, String> queueDefaults = Map.of("jobsQueueName", "compliance-jobs", "batchesQueueName", "compliance-batches");
        for (Map.Entry<String, String> expected : queueDefaults.entrySet()) {
            ObjectNode queue = queues.stream()
                    .filter(q -> q.path("name").asText().contains("parameters('" + expected.getKey() + "')"))
                    .findFirst().orElse(null);
            if (queue == null) {
                a.out.add(REGION + ": no Service Bus queue is named by " + expected.getKey());
                continue;
            }
            JsonNode qp = queue.path("properties");
            a.expect(REGION + " " + expected.getKey() + " dead-lettering on expiration", qp.path("deadLetteringOnMessageExpiration"), true);
            a.expect(REGION + " " + expected.getKey() + " only in the primary (the paired secondary must be empty)",
                    queue.path("condition"), "[variables('isPrimary')]");
            for (String file : a.regionParamFiles()) {
                a.expect(file + " " + expected.getKey(), ArmProject.parameterValue(p.get(REGION), p.get(file), expected.getKey()), expected.getValue());
                a.expect(file + " " + expected.getKey() + " max delivery count", a.entryValue(REGION, file, qp.path("maxDeliveryCount")), 10);
            }
        }
        if (alias.path("properties").path("partnerNamespace").asText().isBlank()) {
            a.out.add(PAIRING + ": the geo-DR alias has no partner namespace");
        }
        a.expect(REGION + " topic only in the primary (the paired secondary must be empty)", topic.path("condition"), "[variables('isPrimary')]");
        return a.out;
    }

    // ---------------------------------------------------------------- Private endpoints

    static final Map<String, String> DATA_SERVICES = Map.of(
            "postgresqlServer", "Microsoft.DBforPostgreSQL/flexibleServers",
            "redisCache", "Microsoft.Cache/redis",
            "blob", "Microsoft.Storage/storageAccounts",
            "namespace", "Microsoft.ServiceBus/namespaces",
            "vault", "Microsoft.KeyVault/vaults");

    static List<String> privateEndpoints(ArmProject p) {
        ArmArchitecture a = new ArmArchitecture(p);
        Set<String> groups = new TreeSet<>();
        for (String path : List.of(REGION, POSTGRES)) {
            for (ObjectNode pe : ArmProject.resourcesOfType(p.get(path), "Microsoft.Network/privateEndpoints")) {
                if (pe.has("condition")) {
                    continue; // the cross-region endpoints; every region has its unconditional local ones
                }
                for (JsonNode c : pe.path("properties").path("privateLinkServiceConnections")) {
                    for (JsonNode g : c.path("properties").path("groupIds")) {
                        groups.add(g.asText());
                    }
                }
                boolean zoneGroup = false;
                for (JsonNode child : pe.path("resources")) {
                    zoneGroup |= child.path("type").asText().endsWith("privateDnsZoneGroups");
                }
                if (!zoneGroup) {
                    a.out.add(path + ": private endpoint " + pe.path("name").asText() + " has no private DNS zone group");
                }
            }
        }
        for (String g : DATA_SERVICES.keySet()) {
            if (!groups.contains(g)) {
                a.out.add("no private endpoint for " + DATA_SERVICES.get(g) + " (" + g + ")");
            }
        }
        // and the services refuse public traffic
        for (String path : List.of(REGION, SHARED)) {
            for (ObjectNode r : ArmProject.resources(p.get(path))) {
                String type = r.path("type").asText();
                if (DATA_SERVICES.containsValue(type) && !r.path("name").asText().contains("opsKeyVaultName")) {
                    a.expect(path + " " + type + " publicNetworkAccess", r.path("properties").path("publicNetworkAccess"), "Disabled");
                }
            }
        }
        return a.out;
    }

    // ---------------------------------------------------------------- Secrets and Key Vault

    static List<String> secrets(ArmProject p) {
        ArmArchitecture a = new ArmArchitecture(p);
        for (String path : p.templates()) {
            if (!ArmProject.resourcesOfType(p.get(path), "Microsoft.KeyVault/vaults/secrets").isEmpty()) {
                a.out.add(path + ": Key Vault secrets are set by the operator, not by a template");
            }
        }
        ObjectNode vault = a.single(REGION, "Microsoft.KeyVault/vaults");
        if (vault != null) {
            JsonNode vp = vault.path("properties");
            a.expect(REGION + " Key Vault tier", vp.path("sku").path("name"), "premium");
            a.expect(REGION + " Key Vault RBAC", vp.path("enableRbacAuthorization"), true);
            a.expect(REGION + " Key Vault soft delete", vp.path("enableSoftDelete"), true);
            a.expect(REGION + " Key Vault purge protection", vp.path("enablePurgeProtection"), true);
        }
        List<ObjectNode> apps = ArmProject.resourcesOfType(p.get(REGION), "Microsoft.App/containerApps");
        if (apps.isEmpty()) {
            a.out.add(REGION + ": no container apps");
        }
        Set<String> hubKeyVaultNames = new TreeSet<>();
        for (ObjectNode app : apps) {
            String name = app.path("name").asText();
            JsonNode config = app.path("properties").path("configuration");
            Set<String> declared = new HashSet<>();
            for (JsonNode s : config.path("secrets")) {
                declared.add(s.path("name").asText());
                if (s.has("value")) {
                    a.out.add(name + ": secret " + s.path("name").asText() + " has a literal value");
                }
                String url = s.path("keyVaultUrl").asText();
                if (!url.contains("variables('keyVaultSecretsUri')")) {
                    a.out.add(name + ": secret " + s.path("name").asText() + " is not referenced from Key Vault by URL");
                }
                if (!s.path("identity").asText().contains("identityId")) {
                    a.out.add(name + ": secret " + s.path("name").asText() + " has no managed identity");
                }
                if (name.contains("hubAppName")) {
                    int q = url.lastIndexOf(", '");
                    if (q > 0) {
                        hubKeyVaultNames.add(url.substring(q + 3, url.indexOf('\'', q + 3)));
                    }
                }
            }
            for (JsonNode c : app.path("properties").path("template").path("containers")) {
                for (JsonNode e : c.path("env")) {
                    String env = e.path("name").asText();
                    boolean value = e.has("value");
                    boolean ref = e.has("secretRef");
                    if (value == ref) {
                        a.out.add(name + ": env " + env + " needs exactly one of value or secretRef");
                    }
                    if (SENSITIVE_ENV.contains(env) && !ref) {
                        a.out.add(name + ": env " + env + " is a credential and must use a Key Vault secretRef");
                    }
                    if (ref && !declared.contains(e.path("secretRef").asText())) {
                        a.out.add(name + ": env " + env + " refers to undeclared secret " + e.path("secretRef").asText());
                    }
                }
            }
            for (JsonNode rule : app.path("properties").path("template").path("scale").path("rules")) {
                for (JsonNode auth : rule.path("custom").path("auth")) {
                    if (!declared.contains(auth.path("secretRef").asText())) {
                        a.out.add(name + ": scale rule " + rule.path("name").asText() + " refers to an undeclared secret");
                    }
                }
            }
        }
        for (String seed : SEED_SECRETS) {
            if (!hubKeyVaultNames.contains(seed.replace('_', '-'))) {
                a.out.add(REGION + ": the hub does not read Key Vault secret " + seed.replace('_', '-') + " (seed name " + seed + ")");
            }
        }
        return a.out;
    }

    // ---------------------------------------------------------------- Container Apps: replicas, size, probes, KEDA

    static List<String> containerApps(ArmProject p) {
        ArmArchitecture a = new ArmArchitecture(p);
        ObjectNode hub = null;
        for (ObjectNode app : ArmProject.resourcesOfType(p.get(REGION), "Microsoft.App/containerApps")) {
            if (app.path("name").asText().contains("hubAppName")) {
                hub = app;
            }
        }
        if (hub == null) {
            a.out.add(REGION + ": no hub container app");
            return a.out;
        }
        JsonNode tpl = hub.path("properties").path("template");
        JsonNode scale = tpl.path("scale");
        JsonNode container = tpl.path("containers").path(0);
        for (Map.Entry<String, int[]> e : SEED_REPLICAS.entrySet()) {
            String file = e.getKey();
            a.expect(file + " min replicas", a.entryValue(REGION, file, scale.path("minReplicas")), e.getValue()[0]);
            a.expect(file + " max replicas", a.entryValue(REGION, file, scale.path("maxReplicas")), e.getValue()[1]);
            JsonNode cpu = ArmProject.parameterValue(p.get(REGION), p.get(file), "hubCpu");
            if (cpu == null || Double.parseDouble(cpu.asText()) != 1.0) {
                a.out.add(file + ": hub replicas must have 1 vCPU, got " + cpu);
            }
            a.expect(file + " memory", a.entryValue(REGION, file, container.path("resources").path("memory")), "2Gi");
        }
        a.expect(REGION + " cpu", container.path("resources").path("cpu"), "[json(parameters('hubCpu'))]");
        Map<String, String> probes = new java.util.TreeMap<>();
        for (JsonNode pr : container.path("probes")) {
            probes.put(pr.path("type").asText(), pr.path("httpGet").path("path").asText() + ":" + pr.path("httpGet").path("port").asText());
        }
        a.expect(REGION + " startup probe", probes.containsKey("Startup") ? new com.fasterxml.jackson.databind.node.TextNode(probes.get("Startup")) : null, LIVENESS + ":8080");
        a.expect(REGION + " liveness probe", probes.containsKey("Liveness") ? new com.fasterxml.jackson.databind.node.TextNode(probes.get("Liveness")) : null, LIVENESS + ":8080");
        a.expect(REGION + " readiness probe", probes.containsKey("Readiness") ? new com.fasterxml.jackson.databind.node.TextNode(probes.get("Readiness")) : null, READINESS + ":8080");
        a.expect(REGION + " ingress port", hub.path("properties").path("configuration").path("ingress").path("targetPort"), 8080);
        a.expect(REGION + " identity", hub.path("identity").path("type"), "UserAssigned");
        boolean keda = false;
        for (JsonNode rule : scale.path("rules")) {
            JsonNode custom = rule.path("custom");
            if ("azure-servicebus".equals(custom.path("type").asText())) {
                keda = true;
                for (String file : a.regionParamFiles()) {
                    a.expect(file + " KEDA queue", a.entryValue(REGION, file, custom.path("metadata").path("queueName")), "compliance-jobs");
                }
                if (custom.path("auth").isEmpty()) {
                    a.out.add(REGION + ": the azure-servicebus rule has no auth");
                }
            }
        }
        if (!keda) {
            a.out.add(REGION + ": no KEDA azure-servicebus scale rule");
        }
        JsonNode env = container.path("env");
        boolean profile = false;
        for (JsonNode e : env) {
            profile |= "SPRING_PROFILES_ACTIVE".equals(e.path("name").asText()) && "azure".equals(e.path("value").asText());
        }
        if (!profile) {
            a.out.add(REGION + ": the hub does not run with SPRING_PROFILES_ACTIVE=azure");
        }
        return a.out;
    }

    // ---------------------------------------------------------------- Cross-deployment consistency

    static List<String> consistency(ArmProject p) {
        ArmArchitecture a = new ArmArchitecture(p);
        JsonNode shared = p.get(SHARED).path("variables");
        JsonNode region = p.get(REGION).path("variables");
        for (String v : List.of("logAnalyticsName", "storageAccountName", "containerRegistryName", "opsKeyVaultName")) {
            if (!shared.path(v).equals(region.path(v)) || shared.path(v).isMissingNode()) {
                a.out.add("variable " + v + " differs between " + SHARED + " and " + REGION);
            }
        }
        a.expect(FRONT_DOOR + " logAnalyticsName", p.get(FRONT_DOOR).path("variables").path("logAnalyticsName"), shared.path("logAnalyticsName").asText());
        String apim = region.path("apimName").asText();
        JsonNode fdVars = p.get(FRONT_DOOR).path("variables");
        a.expect(FRONT_DOOR + " primaryApimName", fdVars.path("primaryApimName"), apim.replace("parameters('regionCode')", "parameters('primaryRegionCode')"));
        a.expect(FRONT_DOOR + " secondaryApimName", fdVars.path("secondaryApimName"), apim.replace("parameters('regionCode')", "parameters('secondaryRegionCode')"));
        for (String[] pair : List.of(new String[] {GLOBAL_PARAMS, WEST, NORTH}, new String[] {GLOBAL_SMALL, REGION_SMALL, null})) {
            JsonNode g = p.get(pair[0]);
            JsonNode gt = p.get(GLOBAL);
            for (String file : new String[] {pair[1], pair[2]}) {
                if (file == null) {
                    continue;
                }
                for (String name : List.of("namePrefix", "environmentName", "globalResourceGroupName")) {
                    JsonNode gv = name.equals("globalResourceGroupName") ? ArmProject.parameterValue(gt, g, name) : ArmProject.parameterValue(gt, g, name);
                    a.expect(file + " " + name + " vs " + pair[0], ArmProject.parameterValue(p.get(REGION), p.get(file), name), gv == null ? null : gv.asText());
                }
            }
            a.expect(pair[1] + " regionCode vs " + pair[0], ArmProject.parameterValue(p.get(REGION), p.get(pair[1]), "regionCode"),
                    ArmProject.parameterValue(gt, g, "primaryRegionCode").asText());
            if (pair[2] != null) {
                String f = pair[2];
                a.expect(f + " regionCode vs " + pair[0], ArmProject.parameterValue(p.get(REGION), p.get(f), "regionCode"),
                        ArmProject.parameterValue(gt, g, "secondaryRegionCode").asText());
                a.expect(f + " primaryRegionCode", ArmProject.parameterValue(p.get(REGION), p.get(f), "primaryRegionCode"),
                        ArmProject.parameterValue(gt, g, "primaryRegionCode").asText());
                a.expect(f + " primaryResourceGroupName", ArmProject.parameterValue(p.get(REGION), p.get(f), "primaryResourceGroupName"),
                        ArmProject.parameterValue(gt, g, "primaryResourceGroupName").asText());
                a.expect(f + " primaryLocation", ArmProject.parameterValue(p.get(REGION), p.get(f), "primaryLocation"),
                        ArmProject.parameterValue(gt, g, "location").asText());
            }
        }
        return a.out;
    }
}
