package hub.vale;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules a configuration enables, as Vale selects them: a rule runs when it is switched on by name
 * ({@code Style.Rule = YES}), or when its style is in {@code BasedOnStyles} and it is not switched off; either way
 * only at or above {@code MinAlertLevel}. Enabled rules of unsupported types are kept in {@link #unsupported()}.
 */
public record ValeChecker(List<Rule> rules, List<UnsupportedRule> unsupported, Map<String, ValeLevel> levels) {

    private static final Logger log = LoggerFactory.getLogger(ValeChecker.class);

    public ValeChecker {
        rules = List.copyOf(rules);
        unsupported = List.copyOf(unsupported);
        levels = Map.copyOf(levels);
    }

    public ValeChecker(List<Rule> rules, List<UnsupportedRule> unsupported) {
        this(rules, unsupported, Map.of());
    }

    public static ValeChecker select(StyleLoader.Styles styles, List<String> basedOnStyles,
            Map<String, Boolean> switches, ValeLevel minLevel) {
        return select(styles, basedOnStyles, switches, minLevel, Map.of());
    }

    /** As above, with levels set by the configuration ({@code Style.Rule = error}) replacing the rules' own. */
    public static ValeChecker select(StyleLoader.Styles styles, List<String> basedOnStyles,
            Map<String, Boolean> switches, ValeLevel minLevel, Map<String, ValeLevel> levels) {
        List<Rule> rules = new ArrayList<>();
        for (Rule rule : styles.rules().values()) {
            ValeLevel level = levels.getOrDefault(rule.name(), rule.level());
            if (enabled(rule.name(), level, basedOnStyles, switches, minLevel)) {
                rules.add(rule);
            }
        }
        rules.sort(Comparator.comparing(Rule::name));
        List<UnsupportedRule> unsupported = styles.unsupported().stream()
                .filter(u -> enabled(u.name(), levels.getOrDefault(u.name(), u.level()), basedOnStyles, switches,
                        minLevel)).toList();
        return new ValeChecker(rules, unsupported, levels);
    }

    private static boolean enabled(String name, ValeLevel level, List<String> basedOnStyles,
            Map<String, Boolean> switches, ValeLevel minLevel) {
        if (level.compareTo(minLevel) < 0) {
            return false;
        }
        Boolean on = switches.get(name);
        if (on != null) {
            return on;
        }
        return basedOnStyles.contains(name.substring(0, name.indexOf('.')));
    }

    /** Every alert of every enabled rule, by position. */
    public List<ValeAlert> check(ValeDocument document) {
        List<ValeAlert> alerts = new ArrayList<>();
        for (Rule rule : rules) {
            ValeLevel level = levels.get(rule.name());
            List<ValeAlert> found;
            try {
                found = rule.check(document);
            } catch (RuntimeException | StackOverflowError e) {
                // One rule failing on one document (e.g. a pattern that recurses too deep on a long text) must not
                // cost the other rules' alerts.
                log.warn("Vale rule {} failed on a document and is skipped for it: {}", rule.name(), e.toString());
                continue;
            }
            for (ValeAlert a : found) {
                alerts.add(level == null || level == a.level() ? a : new ValeAlert(a.rule(), level, a.message(),
                        a.link(), a.start(), a.end(), a.match(), a.suggestions()));
            }
        }
        alerts.sort(Comparator.comparingInt(ValeAlert::start).thenComparing(ValeAlert::rule));
        return alerts;
    }
}
