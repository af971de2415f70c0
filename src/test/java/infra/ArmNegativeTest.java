package infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each check must be able to fail: mutate a copy of the real templates and expect the check to report it. */
class ArmNegativeTest {

    static ArmProject original;

    @BeforeAll
    static void load() {
        original = ArmProject.load();
    }

    private static ArmProject copy() {
        return original.copy();
    }

    private static ObjectNode params(ArmProject p, String file) {
        return (ObjectNode) p.get(file).path("parameters");
    }

    private static ObjectNode first(ArmProject p, String path, String type) {
        return ArmProject.resourcesOfType(p.get(path), type).get(0);
    }

    @Test
    void frontDoorWeightOf50IsReported() {
        ArmProject p = copy();
        ((ObjectNode) params(p, ArmArchitecture.GLOBAL_PARAMS).path("primaryOriginWeight")).put("value", 50);
        assertThat(ArmArchitecture.frontDoor(p)).anyMatch(v -> v.contains("weight") && v.contains("expected 70, got 50"));
    }

    @Test
    void missingHealthProbeIsReported() {
        ArmProject p = copy();
        ((ObjectNode) first(p, ArmArchitecture.FRONT_DOOR, "Microsoft.Cdn/profiles/originGroups").path("properties")).remove("healthProbeSettings");
        assertThat(ArmArchitecture.frontDoor(p)).anyMatch(v -> v.contains("health probe path"));
    }

    @Test
    void wafInDetectionModeIsReported() {
        ArmProject p = copy();
        ((ObjectNode) params(p, ArmArchitecture.GLOBAL_SMALL)).putObject("wafMode").put("value", "Detection");
        assertThat(ArmArchitecture.waf(p)).anyMatch(v -> v.contains("WAF mode") && v.contains("Detection"));
    }

    @Test
    void wafWithoutBotManagerIsReported() {
        ArmProject p = copy();
        ArrayNode sets = (ArrayNode) first(p, ArmArchitecture.FRONT_DOOR, "Microsoft.Network/FrontDoorWebApplicationFirewallPolicies")
                .path("properties").path("managedRules").path("managedRuleSets");
        sets.remove(1);
        assertThat(ArmArchitecture.waf(p)).anyMatch(v -> v.contains("bot manager"));
    }

    @Test
    void postgresWithoutZoneRedundancyIsReported() {
        ArmProject p = copy();
        ((ObjectNode) params(p, ArmArchitecture.WEST).path("postgresHighAvailabilityMode")).put("value", "SameZone");
        assertThat(ArmArchitecture.postgres(p)).anyMatch(v -> v.contains("PostgreSQL HA") && v.contains("SameZone"));
    }

    @Test
    void redisStandardIsReported() {
        ArmProject p = copy();
        ((ObjectNode) params(p, ArmArchitecture.NORTH).path("redisSkuName")).put("value", "Standard");
        assertThat(ArmArchitecture.redis(p)).anyMatch(v -> v.contains("Redis tier"));
    }

    @Test
    void storageLrsAndMutableAuditLogsAreReported() {
        ArmProject p = copy();
        ((ObjectNode) params(p, ArmArchitecture.GLOBAL_PARAMS)).putObject("storageSkuName").put("value", "Standard_GRS");
        List<String> sku = ArmArchitecture.storage(p);
        assertThat(sku).anyMatch(v -> v.contains("storage SKU"));
        ArmProject q = copy();
        ArrayNode resources = (ArrayNode) q.get(ArmArchitecture.SHARED).path("resources");
        for (int i = 0; i < resources.size(); i++) {
            if (resources.get(i).path("type").asText().endsWith("immutabilityPolicies")) {
                resources.remove(i);
                break;
            }
        }
        assertThat(ArmArchitecture.storage(q)).anyMatch(v -> v.contains("immutabilityPolicies"));
    }

    @Test
    void serviceBusWithoutDeadLetteringIsReported() {
        ArmProject p = copy();
        ((ObjectNode) first(p, ArmArchitecture.REGION, "Microsoft.ServiceBus/namespaces/queues").path("properties"))
                .put("deadLetteringOnMessageExpiration", false);
        assertThat(ArmArchitecture.serviceBus(p)).anyMatch(v -> v.contains("dead-lettering"));
    }

    @Test
    void missingKeyVaultPrivateEndpointIsReported() {
        ArmProject p = copy();
        ArrayNode resources = (ArrayNode) p.get(ArmArchitecture.REGION).path("resources");
        for (int i = resources.size() - 1; i >= 0; i--) {
            JsonNode r = resources.get(i);
            if (r.path("type").asText().equals("Microsoft.Network/privateEndpoints") && r.toString().contains("\"vault\"")) {
                resources.remove(i);
            }
        }
        assertThat(ArmArchitecture.privateEndpoints(p)).anyMatch(v -> v.contains("Microsoft.KeyVault/vaults"));
    }

    @Test
    void publicRedisIsReported() {
        ArmProject p = copy();
        ((ObjectNode) first(p, ArmArchitecture.REGION, "Microsoft.Cache/redis").path("properties")).put("publicNetworkAccess", "Enabled");
        assertThat(ArmArchitecture.privateEndpoints(p)).anyMatch(v -> v.contains("Microsoft.Cache/redis publicNetworkAccess"));
    }

    @Test
    void secretByValueIsReported() {
        ArmProject p = copy();
        ObjectNode app = first(p, ArmArchitecture.REGION, "Microsoft.App/containerApps");
        ArrayNode env = (ArrayNode) app.path("properties").path("template").path("containers").path(0).path("env");
        env.addObject().put("name", "JWT_SECRET_KEY").put("value", "not-so-secret");
        ((ObjectNode) app.path("properties").path("configuration").path("secrets").path(0)).put("value", "literal");
        List<String> v = ArmArchitecture.secrets(p);
        assertThat(v).anyMatch(s -> s.contains("JWT_SECRET_KEY is a credential"));
        assertThat(v).anyMatch(s -> s.contains("has a literal value"));
    }

    @Test
    void replicaCountsOffTheSeedAreReported() {
        ArmProject p = copy();
        ((ObjectNode) params(p, ArmArchitecture.NORTH).path("hubMaxReplicas")).put("value", 10);
        assertThat(ArmArchitecture.containerApps(p)).anyMatch(v -> v.contains("max replicas") && v.contains("expected 15"));
    }

    @Test
    void diverging_shared_names_are_reported() {
        ArmProject p = copy();
        ((ObjectNode) p.get(ArmArchitecture.REGION).path("variables")).put("storageAccountName", "[toLower('other')]");
        assertThat(ArmArchitecture.consistency(p)).anyMatch(v -> v.contains("storageAccountName"));
    }

    @Test
    void previewAndOldApiVersionsAreReported() {
        ArmProject p = copy();
        ObjectNode vault = first(p, ArmArchitecture.REGION, "Microsoft.KeyVault/vaults");
        vault.put("apiVersion", "2023-02-01-preview");
        assertThat(ArmRules.apiVersions("r", p.get(ArmArchitecture.REGION))).anyMatch(v -> v.contains("preview"));
        vault.put("apiVersion", "2019-09-01");
        assertThat(ArmRules.apiVersions("r", p.get(ArmArchitecture.REGION))).anyMatch(v -> v.contains("older than"));
        vault.put("apiVersion", "[variables('v')]");
        assertThat(ArmRules.apiVersions("r", p.get(ArmArchitecture.REGION))).anyMatch(v -> v.contains("not a literal"));
    }

    @Test
    void secureStringDefaultIsReported() {
        ArmProject p = copy();
        ((ObjectNode) p.get(ArmArchitecture.POSTGRES).path("parameters").path("administratorLoginPassword")).put("defaultValue", "P@ss");
        assertThat(ArmRules.secureParameterDefaults("pg", p.get(ArmArchitecture.POSTGRES))).hasSize(1);
    }

    @Test
    void secretOutputIsReported() {
        ArmProject p = copy();
        ObjectNode outputs = (ObjectNode) p.get(ArmArchitecture.REGION).path("outputs");
        outputs.putObject("cacheKey").put("type", "string")
                .put("value", "[listKeys(resourceId('Microsoft.Cache/redis', variables('redisName')), '2024-03-01').primaryKey]");
        outputs.putObject("dbPassword").put("type", "securestring").put("value", "[parameters('tags')]");
        List<String> v = ArmRules.secretOutputs("r", p.get(ArmArchitecture.REGION));
        assertThat(v).anyMatch(s -> s.contains("calls listkeys()"));
        assertThat(v).anyMatch(s -> s.contains("secure type"));
        assertThat(v).anyMatch(s -> s.contains("looks like a secret"));
    }

    @Test
    void missingDescriptionIsReported() {
        ArmProject p = copy();
        ((ObjectNode) p.get(ArmArchitecture.REGION).path("parameters").path("regionCode")).remove("metadata");
        assertThat(ArmRules.descriptions("r", p.get(ArmArchitecture.REGION))).containsExactly("r: parameter regionCode lacks metadata.description");
    }

    @Test
    void literalRegionAndHardCodedLocationAreReported() {
        ArmProject p = copy();
        first(p, ArmArchitecture.REGION, "Microsoft.KeyVault/vaults").put("location", "westeurope");
        assertThat(ArmRules.locations("r", p.get(ArmArchitecture.REGION), true)).anyMatch(v -> v.contains("literal location"));
        assertThat(ArmRules.literalRegions("r", p.get(ArmArchitecture.REGION))).anyMatch(v -> v.contains("westeurope"));
        ((ObjectNode) p.get(ArmArchitecture.POSTGRES).path("parameters").path("location")).put("defaultValue", "[resourceGroup().location]");
        assertThat(ArmRules.locations("pg", p.get(ArmArchitecture.POSTGRES), false)).anyMatch(v -> v.contains("must not have a default"));
    }

    @Test
    void literalResourceIdIsReported() {
        ArmProject p = copy();
        ObjectNode app = first(p, ArmArchitecture.REGION, "Microsoft.App/containerApps");
        ((ObjectNode) app.path("properties")).put("environmentId",
                "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.App/managedEnvironments/cae");
        assertThat(ArmRules.resourceIds("r", p.get(ArmArchitecture.REGION))).anyMatch(v -> v.contains("literal id"));
        ((ObjectNode) app.path("properties")).put("environmentId", "[concat('/subscriptions/', subscription().subscriptionId)]");
        assertThat(ArmRules.resourceIds("r", p.get(ArmArchitecture.REGION))).anyMatch(v -> v.contains("built with concat()"));
    }

    @Test
    void brokenExpressionsAreReported() {
        ArmProject p = copy();
        ObjectNode vars = (ObjectNode) p.get(ArmArchitecture.REGION).path("variables");
        vars.put("vnetName", "[format('vnet-{0}', parameters('namePrefix')]");
        vars.put("identityName", "[formatt('id-{0}', parameters('namePrefix'))]");
        vars.put("environmentName", "[take(parameters('namePrefix'))]");
        List<String> v = ArmRules.expressions("r", p.get(ArmArchitecture.REGION));
        assertThat(v).anyMatch(s -> s.contains("vnetName") && s.contains("unclosed"));
        assertThat(v).anyMatch(s -> s.contains("unknown function formatt()"));
        assertThat(v).anyMatch(s -> s.contains("take() takes 2 arguments, got 1"));
    }

    @Test
    void undeclaredAndUnusedParametersAreReported() {
        ArmProject p = copy();
        ObjectNode t = p.get(ArmArchitecture.REGION);
        ((ObjectNode) t.path("variables")).put("vnetName", "[parameters('nope')]");
        ((ObjectNode) t.path("parameters")).putObject("unused").put("type", "string");
        List<String> v = ArmRules.declaredAndReferenced("r", t);
        assertThat(v).contains("r: parameters('nope') is not declared", "r: parameter unused is never used");
    }

    @Test
    void parameterFileMissingARequiredParameterIsReported() {
        ArmProject p = copy();
        params(p, ArmArchitecture.NORTH).remove("hubImageTag");
        params(p, ArmArchitecture.NORTH).putObject("typo").put("value", 1);
        params(p, ArmArchitecture.NORTH).putObject("apimSku").put("value", "Basic");
        List<String> v = ArmRules.parameterFileCoverage("ne", p.get(ArmArchitecture.NORTH), p.get(ArmArchitecture.REGION));
        assertThat(v).contains("ne: required parameter hubImageTag is not supplied", "ne: parameter typo is not declared by the template");
        assertThat(v).anyMatch(s -> s.contains("apimSku") && s.contains("not an allowed value"));
    }

    @Test
    void linkedDeploymentMissingAParameterIsReported() {
        ArmProject p = copy();
        ObjectNode d = ArmProject.linkedDeployments(p.get(ArmArchitecture.REGION)).get(0);
        ObjectNode passed = (ObjectNode) d.path("properties").path("parameters");
        String removed = passed.fieldNames().next();
        passed.remove(removed);
        passed.putObject("administratorLoginPassword").put("value", "plain");
        List<String> v = ArmRules.linkedTemplates(p);
        assertThat(v).anyMatch(s -> s.contains("does not pass required parameter " + removed));
        assertThat(v).anyMatch(s -> s.contains("passes secure parameter administratorLoginPassword as a plain value"));
    }

    @Test
    void badStructureIsReported() {
        ArmProject p = copy();
        ObjectNode t = p.get(ArmArchitecture.PAIRING);
        t.put("$schema", "https://example.com/schema.json");
        t.put("contentVersion", "1.0");
        t.put("resourcez", 1);
        List<String> v = ArmRules.structure("pair", t);
        assertThat(v).anyMatch(s -> s.contains("$schema")).anyMatch(s -> s.contains("contentVersion"))
                .anyMatch(s -> s.contains("resourcez"));
    }
}
