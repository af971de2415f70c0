package hub.guideline.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hub.guideline.Guideline;
import hub.guideline.GuidelineScope;
import hub.guideline.GuidelineSet;
import hub.problem.ProblemException;
import hub.rules.RuleEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuidelineSetRegistryTest {

    @TempDir
    Path dir;

    @Test
    void shipsTheDefaultSetAndAddsTheDirectorysSets() throws IOException {
        write("extra.yaml", set("extra", "1.0.0", "only-rule", "checks: {forbiddenTerms: [{term: foo}]}"));

        GuidelineSetRegistry registry = new GuidelineSetRegistry(new RuleEngine(), dir.toString());

        assertThat(registry.all()).extracting(GuidelineSet::id).containsExactly("default", "default-de", "extra");
        assertThat(registry.get("extra").guidelines()).singleElement().satisfies(g -> assertThat(g.id()).isEqualTo("only-rule"));
        assertThat(registry.summaries()).extracting(s -> s.get("id")).containsExactly("default", "default-de", "extra");
    }

    @Test
    void aSetInTheDirectoryReplacesTheShippedOneWithTheSameId() throws IOException {
        write("default.yml", set("default", "2.0.0-house", "house-rule", "instruction: Judge it."));

        assertThat(new GuidelineSetRegistry(new RuleEngine(), dir.toString()).get("default").version())
                .isEqualTo("2.0.0-house");
    }

    @Test
    void unknownSetsAreA404Problem() throws IOException {
        GuidelineSetRegistry registry = new GuidelineSetRegistry(new RuleEngine(), "");
        assertThatThrownBy(() -> registry.get("nope")).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(404));
        assertThat(registry.find(null)).isEmpty();
    }

    @Test
    void anInvalidSetStopsTheStartNamingFileAndGuideline() throws IOException {
        write("broken.yaml", set("broken", "1", "bad-regex", "checks: {patterns: [{regex: '(unclosed'}]}"));
        assertThatThrownBy(() -> new GuidelineSetRegistry(new RuleEngine(), dir.toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("broken.yaml").hasMessageContaining("bad-regex");
    }

    @Test
    void outlineScopeNeedsRolesAndRolesNeedOutlineScope() throws IOException {
        write("outline.yaml", set("outline", "1", "balance", "scope: outline\n    instruction: Balance them.\n"
                + "    roles: {benefit: States a benefit., risk: States a risk.}"));
        Guideline balance = new GuidelineSetRegistry(new RuleEngine(), dir.toString()).get("outline").guidelines().get(0);
        assertThat(balance.scope()).isEqualTo(GuidelineScope.OUTLINE);
        assertThat(balance.roles()).containsExactly(java.util.Map.entry("benefit", "States a benefit."),
                java.util.Map.entry("risk", "States a risk."));

        write("outline.yaml", set("outline", "1", "balance", "scope: outline\n    instruction: Balance them."));
        assertThatThrownBy(() -> new GuidelineSetRegistry(new RuleEngine(), dir.toString()))
                .hasMessageContaining("outline.yaml").hasMessageContaining("outline scope but no roles");
        write("outline.yaml", set("outline", "1", "balance", "instruction: Balance them.\n    roles: {risk: Risky.}"));
        assertThatThrownBy(() -> new GuidelineSetRegistry(new RuleEngine(), dir.toString()))
                .hasMessageContaining("only outline scope uses");
        write("outline.yaml", set("outline", "1", "balance",
                "scope: outline\n    instruction: Balance them.\n    roles: {Risk: Risky.}"));
        assertThatThrownBy(() -> new GuidelineSetRegistry(new RuleEngine(), dir.toString()))
                .hasMessageContaining("role name must be");
        write("outline.yaml", set("outline", "1", "a#b", "instruction: Judge it."));
        assertThatThrownBy(() -> new GuidelineSetRegistry(new RuleEngine(), dir.toString()))
                .hasMessageContaining("must not contain '#'");
    }

    @Test
    void typosInFieldNamesAreRejected() throws IOException {
        write("typo.yaml", set("typo", "1", "g", "instrucion: Judge it."));
        assertThatThrownBy(() -> new GuidelineSetRegistry(new RuleEngine(), dir.toString()))
                .hasMessageContaining("typo.yaml").hasMessageContaining("instrucion");
    }

    @Test
    void aWrongValueIsOneLineNamingFileGuidelineFieldAndTheAllowedValues() throws IOException {
        write("values.yaml", """
                id: values
                version: "1"
                guidelines:
                  - {id: first, title: First, instruction: Judge it.}
                  - id: no-promises
                    title: No promises
                    severity: critical
                    instruction: Judge it.
                """);
        assertThatThrownBy(() -> new GuidelineSetRegistry(new RuleEngine(), dir.toString()))
                .isInstanceOf(InvalidGuidelineSetException.class)
                .hasMessageStartingWith("Guideline set " + dir.resolve("values.yaml"))
                .hasMessageContaining("guideline 'no-promises', field 'severity': 'critical' is not allowed; "
                        + "allowed: error, warning, info")
                .hasMessageContaining("(line ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));

        write("values.yaml", set("values", "1", "wide", "scope: everywhere\n    instruction: Judge it."));
        assertThatThrownBy(() -> new GuidelineSetRegistry(new RuleEngine(), dir.toString()))
                .hasMessageContaining("guideline 'wide', field 'scope': 'everywhere' is not allowed; "
                        + "allowed: unit, window, somewhere, outline, article");

        write("values.yaml", set("values", "1", "typo", "checks: {forbiddenTerm: [{term: x}]}"));
        assertThatThrownBy(() -> new GuidelineSetRegistry(new RuleEngine(), dir.toString()))
                .hasMessageContaining("guideline 'typo', field 'checks.forbiddenTerm': unknown field 'forbiddenTerm'; "
                        + "allowed: ")
                .hasMessageContaining("forbiddenTerms");
    }

    @Test
    void aStartStoppedByABrokenSetEndsWithItsLineAndNoStackTrace() {
        InvalidGuidelineSetException broken = new InvalidGuidelineSetException("x.yaml: broken", null);
        org.springframework.boot.diagnostics.FailureAnalysis analysis = new InvalidGuidelineSetFailureAnalyzer()
                .analyze(new IllegalStateException("context failed", broken));
        assertThat(analysis.getDescription()).isEqualTo("Guideline set x.yaml: broken");
        assertThat(analysis.getAction()).contains("Guideline sets");
    }

    @Test
    void duplicateIdsAndEmptyGuidelinesAreRejected() throws IOException {
        write("dup.yaml", """
                id: dup
                version: "1"
                guidelines:
                  - {id: a, title: A, instruction: Judge it.}
                  - {id: a, title: A again, instruction: Judge it.}
                """);
        assertThatThrownBy(() -> new GuidelineSetRegistry(new RuleEngine(), dir.toString()))
                .hasMessageContaining("duplicate guideline id 'a'");

        Files.delete(dir.resolve("dup.yaml"));
        write("empty.yaml", set("empty", "1", "g", "category: x"));
        assertThatThrownBy(() -> new GuidelineSetRegistry(new RuleEngine(), dir.toString()))
                .hasMessageContaining("neither an instruction nor checks");
    }

    private void write(String name, String yaml) throws IOException {
        Files.writeString(dir.resolve(name), yaml);
    }

    private static String set(String id, String version, String guidelineId, String extra) {
        return "id: " + id + "\nversion: \"" + version + "\"\ntitle: T\nguidelines:\n"
                + "  - id: " + guidelineId + "\n    title: G\n    severity: warning\n    " + extra + "\n";
    }
}
