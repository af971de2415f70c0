package hub.vale;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Vale's built-in {@code Vale} style, with the keys and messages Vale documents for it: {@code Vale.Repetition}
 * (a word repeated, "'%s' is repeated!"), {@code Vale.Spelling} (Hunspell, "Did you really mean '%s'?"), and, from
 * the vocabulary, {@code Vale.Terms} (an accepted term written otherwise, "Use '%s' instead of '%s'.") and
 * {@code Vale.Avoid} (a rejected term, "Avoid using '%s'."). All four are errors on the {@code text} scope.
 */
final class BuiltinVale {

    static final String STYLE = "Vale";

    private BuiltinVale() {
    }

    static List<RuleSpec> specs(Vocabulary vocabulary) {
        List<RuleSpec> specs = new ArrayList<>();
        specs.add(spec("Repetition", Map.of("extends", "repetition", "message", "'%s' is repeated!",
                "ignorecase", true, "alpha", true, "tokens", List.of("[^\\s.!?]+"),
                "action", Map.of("name", "edit", "params", List.of("truncate", " ")))));
        specs.add(spec("Spelling", Map.of("extends", "spelling", "message", "Did you really mean '%s'?",
                "action", Map.of("name", "suggest", "params", List.of("spellings")))));
        Map<String, String> swap = new LinkedHashMap<>();
        for (String term : vocabulary.accepted()) {
            if (term.chars().allMatch(c -> Character.isLetter(c) || c == ' ')) {
                swap.put(term.toLowerCase(Locale.ROOT), term);
            }
        }
        if (!swap.isEmpty()) {
            specs.add(spec("Terms", Map.of("extends", "substitution", "message", "Use '%s' instead of '%s'.",
                    "ignorecase", true, "swap", swap, "vocab", false)));
        }
        if (!vocabulary.rejected().isEmpty()) {
            specs.add(spec("Avoid", Map.of("extends", "existence", "message", "Avoid using '%s'.",
                    "ignorecase", false, "tokens", vocabulary.rejected())));
        }
        return specs;
    }

    private static RuleSpec spec(String rule, Map<String, Object> keys) {
        Map<String, Object> values = new LinkedHashMap<>(keys);
        values.put("level", "error");
        values.put("scope", "text");
        return new RuleSpec(STYLE + "." + rule, values);
    }
}
