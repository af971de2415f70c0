package hub.guideline;

import hub.article.ArticleUnits;
import hub.article.PlainText;
import hub.report.model.Finding;
import hub.report.model.GuidelineResult;
import java.util.List;

/**
 * One guideline to evaluate against one article; the unit the evaluation route splits a job into. {@code units} are
 * the article's units (paragraphs, headings, list items) that unit-scoped guidelines are judged on;
 * {@code overruled} are the guideline's rule hits the model overruled, kept for its result, and {@code reviewCall}
 * what that review cost (null when there was none).
 */
public record GuidelineTask(Guideline guideline, PlainText article, String title, String language,
        List<ArticleUnits.Unit> units, List<Finding> overruled, GuidelineResult.LlmCall reviewCall) {

    public GuidelineTask {
        overruled = overruled == null ? List.of() : List.copyOf(overruled);
    }

    public GuidelineTask(Guideline guideline, PlainText article, String title, String language,
            List<ArticleUnits.Unit> units) {
        this(guideline, article, title, language, units, List.of(), null);
    }

    public GuidelineTask(Guideline guideline, PlainText article, String title, String language) {
        this(guideline, article, title, language, ArticleUnits.of(article.text()));
    }

    /** This task with the rule hits the model overruled, and what the review cost. */
    public GuidelineTask withOverruled(List<Finding> hits, GuidelineResult.LlmCall call) {
        return new GuidelineTask(guideline, article, title, language, units, hits, call);
    }
}
