package hub.guideline.registry;

import hub.guideline.Checks;
import hub.guideline.Guideline;
import hub.guideline.ValeSettings;
import hub.vale.Rule;
import hub.vale.StyleLoader;
import hub.vale.UnsupportedRule;
import hub.vale.ValeChecker;
import hub.vale.ValeLevel;
import hub.vale.Vocabulary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a guideline set's {@code vale} section into guidelines: one deterministic guideline per enabled rule, with
 * the rule's name as id, its level as severity and the compiled rule as its check. Rules of unsupported types, and
 * rules skipped because they cannot compile or have no dictionary, are logged by name when the set loads; so is a
 * vocabulary that is not there.
 */
public final class ValeGuidelines {

    private static final Logger log = LoggerFactory.getLogger(ValeGuidelines.class);

    private ValeGuidelines() {
    }

    /** The guidelines of {@code settings}; a relative styles path is resolved against {@code baseDir}. */
    public static List<Guideline> expand(ValeSettings settings, Path baseDir, String source) {
        if (settings.stylesPath() == null || settings.stylesPath().isBlank()) {
            throw new IllegalArgumentException("vale.stylesPath is required");
        }
        Path stylesPath = baseDir.resolve(settings.stylesPath()).normalize();
        Set<String> styles = new LinkedHashSet<>(settings.styles());
        settings.rules().keySet().forEach(r -> styles.add(styleOf(r)));
        List<String> warnings = new ArrayList<>();
        Vocabulary vocabulary = Vocabulary.load(stylesPath, settings.vocab(), warnings);
        warnings.forEach(w -> log.warn("Guideline set {}: {}", source, w));
        ValeChecker checker = ValeChecker.select(StyleLoader.load(List.of(stylesPath), styles, vocabulary),
                settings.styles(), settings.rules(), ValeLevel.parse(
                        settings.minAlertLevel() == null ? "suggestion" : settings.minAlertLevel()));
        for (UnsupportedRule u : checker.unsupported()) {
            log.warn("Guideline set {}: Vale rule {} is not run: {}", source, u.name(), u.reason());
        }
        List<Guideline> guidelines = new ArrayList<>();
        for (Rule rule : checker.rules()) {
            String title = rule.description() != null ? rule.description()
                    : rule.name() + ": " + rule.messageTemplate();
            guidelines.add(new Guideline(rule.name(), title, "vale." + styleOf(rule.name()),
                    rule.level().severity(), 1.0, null, Checks.vale(rule)));
        }
        return guidelines;
    }

    private static String styleOf(String ruleName) {
        int dot = ruleName.indexOf('.');
        if (dot <= 0) {
            throw new IllegalArgumentException("vale.rules keys are Style.Rule, not '" + ruleName + "'");
        }
        return ruleName.substring(0, dot);
    }
}
