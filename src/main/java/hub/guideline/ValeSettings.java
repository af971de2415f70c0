package hub.guideline;

import java.util.List;
import java.util.Map;

/**
 * A guideline set's {@code vale} section, as a {@code .vale.ini} would say it: where the styles live
 * ({@code stylesPath}, relative to the guideline-set file), which styles apply ({@code styles}, Vale's
 * {@code BasedOnStyles}), per-rule switches ({@code rules}: {@code Microsoft.Passive: false} turns a rule off,
 * {@code true} turns on a rule of a style not listed), {@code minAlertLevel} (suggestion, warning or error) and
 * {@code vocab} (Vale's {@code Vocab}: vocabularies under {@code <stylesPath>/config/vocabularies/}).
 */
public record ValeSettings(String stylesPath, List<String> styles, Map<String, Boolean> rules, String minAlertLevel,
        List<String> vocab) {

    public ValeSettings {
        styles = styles == null ? List.of() : List.copyOf(styles);
        rules = rules == null ? Map.of() : Map.copyOf(rules);
        vocab = vocab == null ? List.of() : List.copyOf(vocab);
    }

    public ValeSettings(String stylesPath, List<String> styles, Map<String, Boolean> rules, String minAlertLevel) {
        this(stylesPath, styles, rules, minAlertLevel, List.of());
    }
}
