package hub.incremental;

import hub.article.ArticleUnits.Unit;
import hub.guideline.Guideline;
import hub.guideline.GuidelineScope;
import hub.guideline.GuidelineTask;
import hub.report.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The two halves of an outline-scope guideline (ADR 0016). Its roles are asked of every unit in the unit batches as
 * requirement questions ("which passages ... ?") of a role guideline each, cached per unit like a {@code somewhere}
 * guideline's; the article's outline is one line per unit with its position, its kind and the roles it plays, which
 * the model then judges the guideline on. A unit edited without changing its roles leaves the outline, and so its
 * cached verdict, as it was.
 */
public final class Outlines {

    /** Separates the guideline's id from the role's name in a role guideline's id. */
    static final String ROLE_SEPARATOR = "#";
    private static final int HEADING_MAX_WORDS = 12;
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?:;…]\\W*$");

    private Outlines() {
    }

    /** One task per role of the outline-scope guideline of {@code task}: a requirement question per unit. */
    static List<GuidelineTask> roleTasks(GuidelineTask task) {
        Guideline g = task.guideline();
        List<GuidelineTask> tasks = new ArrayList<>();
        for (Map.Entry<String, String> role : g.roles().entrySet()) {
            Guideline question = new Guideline(g.id() + ROLE_SEPARATOR + role.getKey(),
                    g.title() + ": passages in the role '" + role.getKey() + "'", g.category(), g.severity(),
                    g.weight(), role.getValue(), null, GuidelineScope.SOMEWHERE, g.version());
            tasks.add(new GuidelineTask(question, task.article(), task.title(), task.language(), task.units()));
        }
        return tasks;
    }

    /**
     * The outline of the article of {@code task} from the role answers among {@code answers}: one line per unit,
     * {@code [n] heading: benefit, risk} ({@code none} for a unit in no role).
     */
    static String outline(GuidelineTask task, List<UnitAnswer> answers) {
        String text = task.article().text();
        List<String> roles = List.copyOf(task.guideline().roles().keySet());
        StringBuilder outline = new StringBuilder();
        for (Unit u : task.units()) {
            List<String> played = new ArrayList<>();
            for (String role : roles) {
                String roleId = task.guideline().id() + ROLE_SEPARATOR + role;
                boolean plays = answers.stream().anyMatch(a -> u.equals(a.question().unit())
                        && a.question().task().guideline().id().equals(roleId) && a.verdict() != null
                        && a.verdict().verdict() == Verdict.PASS);
                if (plays) {
                    played.add(role);
                }
            }
            if (!outline.isEmpty()) {
                outline.append('\n');
            }
            outline.append('[').append(u.index() + 1).append("] ").append(kind(u.text(text))).append(": ")
                    .append(played.isEmpty() ? "none" : String.join(", ", played));
        }
        return outline.toString();
    }

    /** "heading" for a short line without a sentence's end (a heading or a label), else "paragraph". */
    static String kind(String unitText) {
        String stripped = unitText.strip();
        boolean fewWords = stripped.split("\\s+").length <= HEADING_MAX_WORDS;
        return fewWords && !SENTENCE_END.matcher(stripped).find() ? "heading" : "paragraph";
    }
}
