package hub.report;

import static org.assertj.core.api.Assertions.assertThat;

import hub.article.ArticleFormat;
import hub.article.PlainText;
import hub.guideline.Checks;
import hub.guideline.Guideline;
import hub.guideline.Severity;
import hub.llm.ParsedVerdict;
import hub.llm.QuotedFinding;
import hub.llm.TokenUsage;
import hub.rules.RuleEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuidelineJudgeTest {

    private final GuidelineJudge judge = new GuidelineJudge(new RuleEngine(), null);

    @Test
    void ruleFindingsDecideAndSeverityPicksFailOrWarn() {
        PlainText text = PlainText.of("We promise guaranteed returns.", ArticleFormat.PLAIN);
        GuidelineResult error = judge.byRules(task(guideline(Severity.ERROR, "Judge it."), text));
        GuidelineResult warning = judge.byRules(task(guideline(Severity.WARNING, "Judge it."), text));
        assertThat(error.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(error.evaluatedBy()).isEqualTo(EvaluatedBy.RULE);
        assertThat(error.findings()).singleElement().satisfies(f -> assertThat(f.offset()).isEqualTo(11));
        assertThat(warning.verdict()).isEqualTo(Verdict.WARN);
    }

    @Test
    void cleanTextPassesWithoutAnInstructionAndGoesToTheModelWithOne() {
        PlainText text = PlainText.of("A calm article.", ArticleFormat.PLAIN);
        assertThat(judge.byRules(task(guideline(Severity.ERROR, null), text)).verdict()).isEqualTo(Verdict.PASS);
        assertThat(judge.byRules(task(guideline(Severity.ERROR, "Judge it."), text))).isNull();
    }

    @Test
    void modelQuotesAreLocatedInTheSubmittedTextInOrder() {
        String source = "**Fees** apply 🙂. Fees apply again.";
        PlainText text = PlainText.of(source, ArticleFormat.MARKDOWN);
        ParsedVerdict answer = ParsedVerdict.of(hub.report.Verdict.FAIL, 0.8, "two fee mentions", List.of(
                new QuotedFinding("Fees apply", "first", null),
                new QuotedFinding("Fees apply", "second", null),
                new QuotedFinding("not in the article", "invented", null)), "{}", TokenUsage.NONE, "m");

        List<Finding> located = GuidelineJudge.locate(text, answer);

        assertThat(located.get(0).offset()).isZero();
        assertThat(source.substring(located.get(0).offset(), located.get(0).offset() + located.get(0).length()))
                .isEqualTo("**Fees** apply");
        assertThat(located.get(1).offset()).isEqualTo(source.indexOf("Fees apply again"));
        assertThat(located.get(2).offset()).as("an unlocatable quote keeps no offset").isNull();
        assertThat(located.get(2).quote()).isEqualTo("not in the article");
    }

    private static GuidelineTask task(Guideline g, PlainText text) {
        return new GuidelineTask(g, text, "t", "en");
    }

    private static Guideline guideline(Severity severity, String instruction) {
        return new Guideline("g", "No guarantees", "regulatory", severity, 1, instruction, new Checks(
                List.of(new Checks.ForbiddenTerm("guaranteed returns", "target returns", null, false)),
                null, null, null, null));
    }
}
