package infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every resource of every template (child resources and inline nested templates included) against Azure's official
 * schema of its type and API version, and every parameter file against deploymentParameters.json; the planted
 * mutations show that the validator fails where Azure would.
 */
class ArmSchemaValidationTest {

    static ArmProject project;
    static ArmSchemas schemas;

    @BeforeAll
    static void load() {
        project = ArmProject.load();
        schemas = ArmSchemas.shared();
    }

    static Stream<String> templates() {
        return ArmProject.load().templates().stream();
    }

    static Stream<String> parameterFiles() {
        return ArmProject.load().parameterFiles().stream();
    }

    @ParameterizedTest
    @MethodSource("templates")
    void everyResourceMatchesAzureSchemaOfItsTypeAndApiVersion(String path) {
        assertThat(schemas.validateTemplate(path, project.get(path))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("parameterFiles")
    void parameterFileMatchesDeploymentParametersSchema(String path) {
        assertThat(schemas.validateParameterFile(path, project.get(path))).isEmpty();
    }

    @Test
    void validatorLooksAtEveryResourceIncludingChildren() {
        // guards against a walk that silently skips resources: every resource found by ArmProject has a schema
        int count = 0;
        for (String t : project.templates()) {
            for (ObjectNode r : ArmProject.resources(project.get(t))) {
                count++;
                assertThat(r.path("apiVersion").asText()).as(t + " " + r.path("type").asText()).isNotEmpty();
            }
        }
        assertThat(count).isGreaterThan(80);
    }

    @ParameterizedTest
    @MethodSource("templates")
    void apiVersionIsTheNewestGaInTheSharedSchemasOrHasAWrittenReason(String path) throws Exception {
        String readme = java.nio.file.Files.readString(ArmProject.ROOT.resolve("README.md"));
        for (ObjectNode r : ArmProject.resources(project.get(path))) {
            String type = ArmRules.qualifiedType(r, project.get(path));
            String version = r.path("apiVersion").asText();
            String newest = schemas.newestGa(type);
            assertThat(readme).as("infra/arm/README.md lists " + type + " " + version)
                    .containsPattern("\\| `(?i:" + java.util.regex.Pattern.quote(type) + ")` \\| `" + version + "` \\|");
            if (!version.equals(newest)) {
                assertThat(ArmRules.API_VERSION_EXCEPTIONS.get(type.toLowerCase(java.util.Locale.ROOT)))
                        .as(path + ": " + type + "@" + version + " is not the newest GA version in the shared schemas ("
                                + newest + ") and has no written reason").isEqualTo(version);
            }
        }
    }

    @Test
    void newestGaIgnoresPreviews() {
        assertThat(schemas.versionsOf("Microsoft.Cache/redis")).contains("2025-08-01-preview", "2024-11-01");
        assertThat(schemas.newestGa("Microsoft.Cache/redis")).isEqualTo("2024-11-01");
        assertThat(schemas.newestGa("Microsoft.Insights/diagnosticSettings")).isNull();
    }

    // ------------------------------------------------------------------------------------------ planted mutations

    private static ObjectNode first(ArmProject p, String path, String type) {
        return ArmProject.resourcesOfType(p.get(path), type).get(0);
    }

    /** The "properties" object of the first resource of a type in a copy's template. */
    private static ObjectNode propertiesOf(ArmProject p, String path, String type) {
        return first(p, path, type).with("properties");
    }

    private static List<String> violations(ArmProject p, String path) {
        return schemas.validateTemplate(path, p.get(path));
    }

    @Test
    void plantedUnknownPropertyFails() {
        ArmProject p = project.copy();
        propertiesOf(p, ArmArchitecture.REGION, "Microsoft.Cache/redis").put("enableNonSslPorts", false); // real: enableNonSslPort
        assertThat(violations(p, ArmArchitecture.REGION)).anyMatch(m -> m.contains("Microsoft.Cache/redis") && m.contains("enableNonSslPorts"));
    }

    @Test
    void plantedUnknownPropertyInANestedChildResourceFails() {
        ArmProject p = project.copy();
        ObjectNode endpoint = first(p, ArmArchitecture.REGION, "Microsoft.Network/privateEndpoints");
        ((ObjectNode) endpoint.path("resources").get(0).path("properties")).put("privateDnsZoneConfig", "x");
        assertThat(violations(p, ArmArchitecture.REGION)).anyMatch(m -> m.contains("privateEndpoints/privateDnsZoneGroups") && m.contains("privateDnsZoneConfig"));
    }

    @Test
    void plantedWrongEnumValueFails() {
        ArmProject p = project.copy();
        propertiesOf(p, ArmArchitecture.SHARED, "Microsoft.Storage/storageAccounts").put("minimumTlsVersion", "TLS1_9");
        assertThat(violations(p, ArmArchitecture.SHARED)).anyMatch(m -> m.contains("Microsoft.Storage/storageAccounts") && m.contains("minimumTlsVersion"));
    }

    @Test
    void plantedMissingRequiredPropertyFails() {
        ArmProject p = project.copy();
        propertiesOf(p, ArmArchitecture.REGION, "Microsoft.KeyVault/vaults").remove("tenantId");
        assertThat(violations(p, ArmArchitecture.REGION)).anyMatch(m -> m.contains("Microsoft.KeyVault/vaults") && m.contains("tenantId"));
    }

    @Test
    void plantedMutationInsideAnInlineNestedTemplateFails() throws Exception {
        // the templates link their modules; an inline nested template must be walked all the same
        ArmProject p = project.copy();
        ObjectNode deployment = (ObjectNode) ArmProject.JSON.readTree("""
                {"type": "Microsoft.Resources/deployments", "apiVersion": "2025-04-01", "name": "inline",
                 "resourceGroup": "rg", "properties": {"mode": "Incremental", "template": {
                   "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                   "contentVersion": "1.0.0.0", "resources": [
                     {"type": "Microsoft.ManagedIdentity/userAssignedIdentities", "apiVersion": "2024-11-30",
                      "name": "id-x", "location": "[parameters('location')]", "colour": "blue"}]}}}""");
        ((com.fasterxml.jackson.databind.node.ArrayNode) p.get(ArmArchitecture.GLOBAL).path("resources")).add(deployment);
        assertThat(violations(p, ArmArchitecture.GLOBAL)).anyMatch(m -> m.contains("properties.template.resources[0]") && m.contains("colour"));
    }

    @Test
    void expressionIsAcceptedWhereTheSchemaWantsAnotherType() {
        ArmProject p = project.copy();
        propertiesOf(p, ArmArchitecture.REGION, "Microsoft.Cache/redis").put("enableNonSslPort", "[equals(1, 2)]"); // boolean
        assertThat(violations(p, ArmArchitecture.REGION)).isEmpty();
    }

    @Test
    void apiVersionMissingFromTheSharedSchemasIsNamed() {
        ArmProject p = project.copy();
        first(p, ArmArchitecture.REGION, "Microsoft.Cache/redis").put("apiVersion", "2019-07-01");
        assertThat(violations(p, ArmArchitecture.REGION)).anyMatch(m -> m.contains("API version 2019-07-01 of Microsoft.Cache/redis is not in the shared schemas"));
    }

    @Test
    void plantedUnknownKeyInAParameterFileFails() {
        ArmProject p = project.copy();
        ((ObjectNode) p.get(ArmArchitecture.WEST).path("parameters").path("redisSkuName")).put("valeu", "Premium");
        assertThat(schemas.validateParameterFile(ArmArchitecture.WEST, p.get(ArmArchitecture.WEST)))
                .anyMatch(m -> m.contains("valeu"));
    }
}
