package architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The main code's packages in layers (docs/architecture.md, "Layers"): a package may use the packages of its own
 * layer and of the layers below it, never one above, and no two packages depend on each other, directly or around a
 * cycle. A new package has to be given its layer here.
 */
class LayersTest {

    /** Bottom to top. Each entry is one layer: its name, then its packages (exact package names). */
    static final List<List<String>> LAYERS = List.of(
            // Value types and plumbing that import nothing of the hub's: the report and its parts, the job's
            // exchange property names, GTC text, the correlation id, SQL and cache helpers, the GTC rate limiter.
            List.of("values", "hub.report.model", "hub.job.model", "hub.gtc", "hub.correlation", "hub.store",
                    "hub.cache", "hub.gtc.ratelimit"),
            // The request's plumbing: problems, strict input, callers and tenants, audit, callbacks, tracing.
            List.of("request", "hub.problem", "hub.input", "hub.security", "hub.audit", "hub.callback", "hub.tracing"),
            // Markdown and HTML parsed once, with source positions, for the article's text map and Vale's scopes.
            List.of("markup", "hub.markup"),
            List.of("article text", "hub.article", "hub.injection"),
            List.of("vale engine", "hub.vale", "hub.vale.conformance"),
            List.of("guidelines", "hub.guideline"),
            List.of("rules", "hub.rules"),
            List.of("guideline sets", "hub.guideline.registry", "hub.language"),
            List.of("llm", "hub.llm"),
            List.of("llm checks", "hub.candidatereview", "hub.gtc.check"),
            List.of("cost", "hub.cost"),
            List.of("units and gtc", "hub.incremental", "hub.gtc.units", "hub.gtc.search"),
            // Orchestration of one job's evaluation: GuidelineJudge, EvaluationPlan, ReportAssembler.
            List.of("report", "hub.report"),
            List.of("telemetry", "hub.metrics", "hub.mlflow", "hub.health"),
            List.of("jobs", "hub.job", "hub.idempotency", "hub.contract"),
            List.of("application", "hub.batch", "hub.evaluation", "hub.delivery", "hub.config", "hub.console", "hub",
                    "routes"));

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("hub", "routes");
    }

    @Test
    void givesEveryPackageOfTheMainCodeItsLayer() {
        Set<String> placed = new TreeSet<>();
        LAYERS.forEach(layer -> placed.addAll(layer.subList(1, layer.size())));
        Set<String> packages = new TreeSet<>();
        for (JavaClass c : main) {
            packages.add(c.getPackageName());
        }
        assertThat(packages).as("packages without a layer in " + LayersTest.class.getSimpleName()).isSubsetOf(placed);
    }

    @Test
    void letsEveryPackageUseOnlyItsOwnLayerAndTheLayersBelow() {
        upwardImports().forEach(rule -> rule.check(main));
    }

    @Test
    void hasNoCycleBetweenPackages() {
        noCycles().check(main);
    }

    /** The rules catch what they are there for: a planted class of the article layer that uses the report's orchestration. */
    @Test
    void failsOnAnUpwardImportAndOnTheCycleItMakes() {
        JavaClasses planted = new ClassFileImporter().importClasses(hub.article.PlantedUpwardImport.class,
                hub.article.PlainText.class, hub.report.ReportAssembler.class);
        assertThatThrownBy(() -> upwardImports().forEach(rule -> rule.check(planted)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("hub.article.PlantedUpwardImport")
                .hasMessageContaining("hub.report.ReportAssembler");
        assertThatThrownBy(() -> noCycles().check(planted))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected");
    }

    static List<ArchRule> upwardImports() {
        List<ArchRule> rules = new ArrayList<>();
        for (int i = 0; i < LAYERS.size() - 1; i++) {
            List<String> layer = LAYERS.get(i);
            List<String> above = new ArrayList<>();
            LAYERS.subList(i + 1, LAYERS.size()).forEach(l -> above.addAll(l.subList(1, l.size())));
            rules.add(noClasses().that().resideInAnyPackage(layer.subList(1, layer.size()).toArray(String[]::new))
                    .should().dependOnClassesThat().resideInAnyPackage(above.toArray(String[]::new))
                    .as("layer '" + layer.get(0) + "' " + layer.subList(1, layer.size())
                            + " uses no package of a layer above it")
                    .allowEmptyShould(true));
        }
        return rules;
    }

    /** One slice per package below hub (hub.gtc and hub.gtc.search are two). */
    static ArchRule noCycles() {
        return slices().matching("hub.(**)").should().beFreeOfCycles().allowEmptyShould(true);
    }
}
