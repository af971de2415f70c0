package hub.incremental;

import hub.article.ArticleUnits;
import hub.guideline.GuidelineTask;

/**
 * One question to the model about one guideline: a unit of the article (with its neighbours as context for window
 * scope), or the whole article ({@code unit} null). {@code start}/{@code end} are the judged span in the visible text;
 * {@code cacheKey} is null when the unit cache is off.
 */
public record UnitQuestion(GuidelineTask task, ArticleUnits.Unit unit, String passage, String before, String after,
        int start, int end, String cacheKey) implements GuidelineWork {

    /** The exchange property holding the question a model call is about. */
    public static final String PROPERTY = "unitQuestion";
    /** The exchange property holding the model's last parsed answer. */
    public static final String ANSWER_PROPERTY = "llmAnswer";

    /** The question about the article's outline of an outline-scope guideline (its passage is the outline). */
    public boolean outline() {
        return unit == null && task.guideline().scope() == hub.guideline.GuidelineScope.OUTLINE;
    }

    /** The id of the guideline the model is asked about: an outline-scope guideline's role has its own. */
    public String askedId() {
        return task.guideline().id();
    }

    /** The guideline of the set this question serves, whose progress it counts towards. */
    @Override
    public String guidelineId() {
        String asked = askedId();
        int role = asked.indexOf(Outlines.ROLE_SEPARATOR);
        return role < 0 ? asked : asked.substring(0, role);
    }
}
