package infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The seed's "Azure Policy Enforcement" (encryption at rest, TLS 1.2+, diagnostic logging, backup retention of at
 * least 14 days) as assignments of built-in definitions in the subscription-scope global template, and the
 * one-year audit log retention. The definition ids below were read from Azure's own built-in definitions
 * (github.com/Azure/azure-policy, built-in-policies/policyDefinitions/...), not invented.
 */
class ArmPolicyTest {

    /** Built-in definition name (GUID) to the file of Azure/azure-policy that defines it. */
    static final Map<String, String> BUILT_INS = Map.of(
            "4733ea7b-a883-42fe-8cac-97454c2a9e4a", "Storage/StorageAccountInfrastructureEncryptionEnabled_Audit.json",
            "fe83a0eb-a853-422d-aac2-1bffd182c5d0", "Storage/StorageAccountMinimumTLSVersion_Audit.json",
            "22bee202-a82f-4305-9a2a-6d7f44d4dedb", "Cache/RedisCache_AuditSSLPort_Audit.json",
            "a43d5475-c569-45ce-a268-28fa79f4e87a", "PostgreSQL/FlexibleServers_MinTLS_AINE.json",
            "cf820ca0-f99e-4f3e-84fb-66e913812d21", "Key Vault/KeyVault_AuditDiagnosticLog_Audit.json",
            "cee2f9fd-3968-44be-a863-bd62c9884423", "PostgreSQL/FlexibleServers_GeoRedundant_Audit.json",
            "9fbd64e3-67b8-489b-98e5-fa0007d17e76", "Storage/StorageAccountEnableSoftDelete_DINE.json");

    static final Set<String> SEED_RULES = Set.of("encryption", "tls", "diagnostics", "backup");

    /** An assignment as deployed: its seed rule and the built-in definition it names (copy loops expanded). */
    record Assignment(String rule, String definition, ObjectNode resource) {}

    static List<Assignment> assignments(ArmProject p) {
        JsonNode t = p.get(ArmArchitecture.GLOBAL);
        JsonNode vars = t.path("variables");
        List<Assignment> out = new ArrayList<>();
        for (ObjectNode r : ArmProject.resourcesOfType(t, "Microsoft.Authorization/policyAssignments")) {
            // a copy loop runs over [length(variables('x'))]; a single assignment is named [variables('x').name]
            Matcher loop = Pattern.compile("\\[length\\(variables\\('([^']+)'\\)\\)\\]").matcher(r.path("copy").path("count").asText());
            Matcher single = Pattern.compile("\\[variables\\('([^']+)'\\)\\.name\\]").matcher(r.path("name").asText());
            List<JsonNode> items = new ArrayList<>();
            if (loop.matches()) {
                vars.path(loop.group(1)).forEach(items::add);
            } else if (single.matches()) {
                items.add(vars.path(single.group(1)));
            }
            String definitionId = r.path("properties").path("policyDefinitionId").asText();
            for (JsonNode item : items) {
                assertThat(definitionId).as("built-in definitions are tenant resources")
                        .startsWith("[tenantResourceId('Microsoft.Authorization/policyDefinitions', ");
                out.add(new Assignment(item.path("rule").asText(), item.path("definitionName").asText(), r));
            }
        }
        return out;
    }

    static List<String> violations(ArmProject p) {
        List<String> out = new ArrayList<>();
        List<Assignment> all = assignments(p);
        TreeSet<String> covered = new TreeSet<>();
        for (Assignment a : all) {
            covered.add(a.rule());
            if (!BUILT_INS.containsKey(a.definition())) {
                out.add("policy assignment names " + a.definition() + ", not a looked-up built-in definition");
            }
            if (!SEED_RULES.contains(a.rule())) {
                out.add("policy assignment for unknown seed rule '" + a.rule() + "'");
            }
        }
        for (String rule : SEED_RULES) {
            if (!covered.contains(rule)) {
                out.add("no policy assignment for the seed rule '" + rule + "'");
            }
        }
        return out;
    }

    @Test
    void theSeedsFourRulesAreAssignedWithBuiltInDefinitions() {
        ArmProject p = ArmProject.load();
        assertThat(violations(p)).isEmpty();
        assertThat(assignments(p)).extracting(Assignment::definition).containsExactlyInAnyOrderElementsOf(BUILT_INS.keySet());
    }

    @Test
    void aMissingRuleOrAnInventedDefinitionIsReported() {
        ArmProject p = ArmProject.load().copy();
        ArrayNode audit = (ArrayNode) p.get(ArmArchitecture.GLOBAL).with("variables").path("auditPolicies");
        for (int i = audit.size() - 1; i >= 0; i--) {
            if (audit.get(i).path("rule").asText().equals("diagnostics")) {
                audit.remove(i);
            }
        }
        ((ObjectNode) audit.get(0)).put("definitionName", "00000000-0000-0000-0000-000000000000");
        assertThat(violations(p)).anyMatch(v -> v.contains("'diagnostics'"))
                .anyMatch(v -> v.contains("00000000-0000-0000-0000-000000000000"));
    }

    @Test
    void assignmentsCoverTheWholeSubscription() {
        // the global template deploys at subscription scope, so its assignments govern all three resource groups
        assertThat(ArmProject.load().get(ArmArchitecture.GLOBAL).path("$schema").asText())
                .contains("subscriptionDeploymentTemplate.json");
    }

    @Test
    void theRemediatingSoftDeleteAssignmentHasAnIdentityARoleAndAtLeast14Days() {
        JsonNode t = ArmProject.load().get(ArmArchitecture.GLOBAL);
        ObjectNode dine = ArmProject.resourcesOfType(t, "Microsoft.Authorization/policyAssignments").stream()
                .filter(r -> r.has("identity")).findFirst().orElseThrow();
        assertThat(dine.path("identity").path("type").asText()).isEqualTo("SystemAssigned");
        assertThat(dine.path("location").asText()).isNotEmpty();
        assertThat(dine.path("properties").path("parameters").path("blobRetentionDays").path("value").asText())
                .isEqualTo("[parameters('backupRetentionDays')]");
        assertThat(t.path("parameters").path("backupRetentionDays").path("minValue").asInt()).isGreaterThanOrEqualTo(14);
        assertThat(ArmProject.resourcesOfType(t, "Microsoft.Authorization/roleAssignments"))
                .anyMatch(r -> r.path("properties").path("principalId").asText().contains("identity.principalId")
                        && r.path("properties").path("roleDefinitionId").asText().contains("storageAccountContributorRoleId"));
    }

    @Test
    void postgresBackupRetentionIsAtLeast14DaysEverywhere() {
        ArmProject p = ArmProject.load();
        assertThat(p.get(ArmArchitecture.REGION).path("parameters").path("postgresBackupRetentionDays").path("minValue").asInt())
                .isGreaterThanOrEqualTo(14);
        assertThat(p.get(ArmArchitecture.POSTGRES).path("parameters").path("backupRetentionDays").path("minValue").asInt())
                .isGreaterThanOrEqualTo(14);
    }

    @Test
    void auditLogsAreKeptForOneYear() {
        // production: WORM on the audit-logs container and the Log Analytics resource logs (Key Vault audit events
        // among them) for a year; dev/test (parameters.small) keeps 30 days so that its account can be deleted
        ArmProject p = ArmProject.load();
        JsonNode global = p.get(ArmArchitecture.GLOBAL);
        assertThat(global.path("parameters").path("auditLogRetentionInDays").path("defaultValue").asInt()).isGreaterThanOrEqualTo(365);
        JsonNode production = p.get(ArmArchitecture.GLOBAL_PARAMS);
        assertThat(ArmProject.parameterValue(global, production, "auditLogRetentionInDays").asInt()).isGreaterThanOrEqualTo(365);
        assertThat(ArmProject.parameterValue(global, production, "logRetentionInDays").asInt()).isGreaterThanOrEqualTo(365);
        ObjectNode worm = ArmProject.resourcesOfType(p.get(ArmArchitecture.SHARED),
                "Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies").get(0);
        assertThat(worm.path("properties").path("immutabilityPeriodSinceCreationInDays").asText())
                .isEqualTo("[parameters('auditLogRetentionInDays')]");
    }
}
