package infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Structure and quickstart rules, run over every template and parameter file under infra/arm. */
class ArmTemplatesTest {

    static ArmProject project;

    @BeforeAll
    static void load() {
        project = ArmProject.load();
    }

    static Stream<String> templates() {
        return ArmProject.load().templates().stream();
    }

    static Stream<String> parameterFiles() {
        return ArmProject.load().parameterFiles().stream();
    }

    static boolean isEntry(String path) {
        return path.endsWith("/azuredeploy.json");
    }

    @Test
    void everyDeployableHasTemplateParameterFilesAndLinkedModules() {
        assertThat(project.templates()).contains("global/azuredeploy.json", "region/azuredeploy.json",
                "global/nested/frontDoor.json", "global/nested/shared.json", "region/nested/postgres.json",
                "region/nested/pairing.json", "region/nested/globalAccess.json");
        assertThat(project.parameterFiles()).contains("global/azuredeploy.parameters.json",
                "region/azuredeploy.parameters.westeurope.json", "region/azuredeploy.parameters.northeurope.json",
                "region/azuredeploy.parameters.small.json", "global/azuredeploy.parameters.small.json");
        // every nested template is linked from somewhere: nothing dead in the tree
        for (String t : project.templates()) {
            if (!isEntry(t)) {
                boolean linked = project.templates().stream().flatMap(e -> ArmProject.linkedDeployments(project.get(e)).stream()
                        .map(d -> ArmProject.resolve(e, d.path("properties").path("templateLink").path("relativePath").asText())))
                        .anyMatch(t::equals);
                assertThat(linked).as(t + " is linked").isTrue();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("templates")
    void structureIsValid(String path) {
        assertThat(ArmRules.structure(path, project.get(path))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("templates")
    void expressionsAreBalancedAndCallKnownFunctions(String path) {
        assertThat(ArmRules.expressions(path, project.get(path))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("templates")
    void parametersAndVariablesAreDeclaredAndUsed(String path) {
        assertThat(ArmRules.declaredAndReferenced(path, project.get(path))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("templates")
    void everyParameterHasADescription(String path) {
        assertThat(ArmRules.descriptions(path, project.get(path))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("templates")
    void secureParametersHaveNoDefault(String path) {
        assertThat(ArmRules.secureParameterDefaults(path, project.get(path))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("templates")
    void outputsCarryNoSecrets(String path) {
        assertThat(ArmRules.secretOutputs(path, project.get(path))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("templates")
    void apiVersionsAreLiteralRecentAndNotPreview(String path) {
        assertThat(ArmRules.apiVersions(path, project.get(path))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("templates")
    void locationsComeFromParameters(String path) {
        assertThat(ArmRules.locations(path, project.get(path), isEntry(path))).isEmpty();
        assertThat(ArmRules.literalRegions(path, project.get(path))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("templates")
    void idsAreBuiltWithResourceId(String path) {
        assertThat(ArmRules.resourceIds(path, project.get(path))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("parameterFiles")
    void parameterFileIsValidAndCoversTheTemplate(String path) {
        JsonNode file = project.get(path);
        assertThat(ArmRules.parameterFileStructure(path, file)).isEmpty();
        assertThat(project.files).containsKey(project.targetOf(path));
        assertThat(ArmRules.parameterFileCoverage(path, file, project.get(project.targetOf(path)))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("parameterFiles")
    void parameterFilesCarryNoSecretValues(String path) {
        JsonNode template = project.get(project.targetOf(path));
        project.get(path).path("parameters").fields().forEachRemaining(e -> {
            String type = template.path("parameters").path(e.getKey()).path("type").asText().toLowerCase();
            assertThat(type.startsWith("secure") && e.getValue().has("value"))
                    .as(path + ": secure parameter " + e.getKey() + " must be a Key Vault reference").isFalse();
            assertThat(e.getKey()).as(path + ": " + e.getKey()).doesNotMatch(ArmRules.SECRET_NAME.pattern());
        });
    }

    @Test
    void linkedDeploymentsPassEveryRequiredParameter() {
        assertThat(ArmRules.linkedTemplates(project)).isEmpty();
    }

    @Test
    void expressionsOfAllTemplatesAreActuallyParsed() {
        // guards against a check that silently looks at nothing
        List<String> count = new java.util.ArrayList<>();
        for (String t : project.templates()) {
            ArmProject.strings(project.get(t), "$", (w, s) -> {
                if (ArmExpression.isExpression(s)) {
                    count.add(s);
                }
            });
        }
        assertThat(count).hasSizeGreaterThan(300);
    }
}
