package hub.incremental;

import hub.article.ArticleUnits;
import hub.job.JobProgress;
import hub.report.GuidelineTask;

/**
 * One question to the model about one guideline: a unit of the article (with its neighbours as context for window
 * scope), or the whole article ({@code unit} null). {@code start}/{@code end} are the judged span in the visible text;
 * {@code cacheKey} is null when the unit cache is off.
 */
public record UnitQuestion(GuidelineTask task, ArticleUnits.Unit unit, String passage, String before, String after,
        int start, int end, String cacheKey) implements JobProgress.GuidelineWork {

    /** The exchange property holding the question a model call is about. */
    public static final String PROPERTY = "unitQuestion";
    /** The exchange property holding the model's last parsed answer. */
    public static final String ANSWER_PROPERTY = "llmAnswer";

    @Override
    public String guidelineId() {
        return task.guideline().id();
    }
}
