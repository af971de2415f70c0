package hub.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import hub.article.Article;
import hub.article.ArticleUnits;
import hub.article.PlainText;
import hub.guideline.GuidelineSet;
import hub.guideline.GuidelineTask;
import hub.guideline.registry.GuidelineSetRegistry;
import hub.report.model.ArticleLanguage;
import hub.language.ArticleLanguageDetector;
import hub.report.model.DetectedLanguage;
import java.util.List;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Turns a stored article and its job's guideline set into the guideline tasks the evaluation route splits, and
 * compares the article's language with the set's ({@code articleLanguage}, the report's {@code language} section).
 * The tasks carry the article's language: declared, else detected, else the set's, else English.
 */
@Component("evaluationPlan")
public class EvaluationPlan {

    private final ObjectMapper mapper;
    private final GuidelineSetRegistry guidelineSets;
    private final ArticleLanguageDetector languages;

    public EvaluationPlan(ObjectMapper mapper, GuidelineSetRegistry guidelineSets, ArticleLanguageDetector languages) {
        this.mapper = mapper;
        this.guidelineSets = guidelineSets;
        this.languages = languages;
    }

    public List<GuidelineTask> tasks(Exchange exchange) throws JsonProcessingException {
        Article article = mapper.readValue(exchange.getIn().getBody(String.class), Article.class);
        String setId = exchange.getProperty("guidelineSetId", String.class);
        GuidelineSet set = guidelineSets.find(setId)
                .orElseThrow(() -> new IllegalStateException("Guideline set '" + setId + "' is no longer configured"));
        exchange.setProperty("guidelineSet", set);
        PlainText text = PlainText.of(article.text(), article.format());
        exchange.setProperty("articleText", text);
        List<ArticleUnits.Unit> units = ArticleUnits.of(text.text());
        exchange.setProperty("articleUnits", units);
        DetectedLanguage detected = languages.detect(text.text()).orElse(null);
        ArticleLanguage language = ArticleLanguage.of(article.language(), detected, set.language());
        exchange.setProperty("articleLanguage", language);
        String taskLanguage = language.effective() != null ? language.effective()
                : set.language() != null && !set.language().isBlank() ? set.language() : "en";
        return set.guidelines().stream()
                .map(g -> new GuidelineTask(g, text, article.title(), taskLanguage, units))
                .toList();
    }
}
