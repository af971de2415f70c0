package hub.report;

import hub.article.ArticleUnits;
import hub.article.PlainText;
import hub.guideline.Guideline;
import java.util.List;

/**
 * One guideline to evaluate against one article; the unit the evaluation route splits a job into. {@code units} are
 * the article's units (paragraphs, headings, list items) that unit-scoped guidelines are judged on.
 */
public record GuidelineTask(Guideline guideline, PlainText article, String title, String language,
        List<ArticleUnits.Unit> units) {

    public GuidelineTask(Guideline guideline, PlainText article, String title, String language) {
        this(guideline, article, title, language, ArticleUnits.of(article.text()));
    }
}
