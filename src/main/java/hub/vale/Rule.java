package hub.vale;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A compiled Vale rule. It runs over the blocks of a document its scope matches, in document order, and may keep
 * what it saw in earlier blocks (an acronym's definition, one spelling of a word) in {@code seen}.
 */
public abstract class Rule {

    private final String name;
    private final ValeLevel level;
    private final String message;
    private final String description;
    private final String link;
    private final Scope scope;
    private final Action action;
    private final int limit;

    protected Rule(RuleSpec spec) {
        this(spec, Scope.of(spec.list("scope").isEmpty() ? List.of("text") : spec.list("scope")));
    }

    protected Rule(RuleSpec spec, Scope scope) {
        this.name = spec.name();
        this.level = ValeLevel.parse(spec.string("level"));
        this.message = spec.string("message", "");
        this.description = spec.string("description");
        this.link = spec.string("link");
        this.scope = scope;
        this.action = Action.from(spec.values().get("action"));
        this.limit = spec.integer("limit");
    }

    public String name() {
        return name;
    }

    public ValeLevel level() {
        return level;
    }

    public String description() {
        return description;
    }

    public String messageTemplate() {
        return message;
    }

    public String link() {
        return link;
    }

    /** The rule's alerts on {@code document}, each once, in document order. */
    public List<ValeAlert> check(ValeDocument document) {
        List<ValeAlert> alerts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Block block : document.blocks()) {
            if (scope.matches(block.scope())) {
                run(block, seen, alerts);
            }
        }
        List<ValeAlert> unique = new ArrayList<>(new LinkedHashSet<>(alerts));
        unique.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return limit > 0 && unique.size() > limit ? unique.subList(0, limit) : unique;
    }

    abstract void run(Block block, Set<String> seen, List<ValeAlert> out);

    /** An alert for the block span [from, to) with the message's {@code %s} filled as Vale fills it. */
    ValeAlert alert(Block block, int from, int to) {
        String match = block.text().substring(from, to);
        if (action.name().isEmpty()) {
            return alert(block, from, to, Messages.format(message, match), List.of());
        }
        List<String> fixes = action.suggestions(match);
        String replacement = fixes.isEmpty() ? match : fixes.size() == 1 ? fixes.get(0)
                : Messages.toSentence(fixes, "or");
        return alert(block, from, to, Messages.format(message, match, replacement), fixes);
    }

    ValeAlert alert(Block block, int from, int to, String formatted, List<String> suggestions) {
        int start = block.sourceStart(from);
        int end = to > from ? block.sourceEnd(to) : start;
        return new ValeAlert(name, level, formatted, link, start, end, block.text().substring(from, to), suggestions);
    }

    Action action() {
        return action;
    }

    String message() {
        return message;
    }
}
