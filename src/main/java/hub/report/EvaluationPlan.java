package hub.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import hub.article.Article;
import hub.article.ArticleUnits;
import hub.article.PlainText;
import hub.guideline.GuidelineSet;
import hub.guideline.GuidelineSetRegistry;
import java.util.List;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/** Turns a stored article and its job's guideline set into the guideline tasks the evaluation route splits. */
@Component("evaluationPlan")
public class EvaluationPlan {

    private final ObjectMapper mapper;
    private final GuidelineSetRegistry guidelineSets;

    public EvaluationPlan(ObjectMapper mapper, GuidelineSetRegistry guidelineSets) {
        this.mapper = mapper;
        this.guidelineSets = guidelineSets;
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
        return set.guidelines().stream()
                .map(g -> new GuidelineTask(g, text, article.title(), article.language(), units))
                .toList();
    }
}
