package hub.report;

import static org.assertj.core.api.Assertions.assertThat;

import hub.article.ArticleFormat;
import hub.article.PlainText;
import hub.candidatereview.CandidateReview;
import hub.guideline.Checks;
import hub.guideline.Guideline;
import hub.guideline.GuidelineTask;
import hub.report.model.EvaluatedBy;
import hub.report.model.Finding;
import hub.report.model.GuidelineResult;
import hub.report.model.Severity;
import hub.llm.ParsedVerdict;
import hub.llm.QuotedFinding;
import hub.report.model.TokenUsage;
import hub.report.model.Verdict;
import hub.rules.RuleEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuidelineJudgeTest {

    private final GuidelineJudge judge = new GuidelineJudge(new RuleEngine(), null);

    @Test
    void ruleFindingsDecideAGuidelineWithoutAnInstructionAndSeverityPicksFailOrWarn() {
        PlainText text = PlainText.of("We promise guaranteed returns.", ArticleFormat.PLAIN);
        GuidelineResult error = byRules(guideline(Severity.ERROR, null), text);
        GuidelineResult warning = byRules(guideline(Severity.WARNING, null), text);
        assertThat(error.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(error.evaluatedBy()).isEqualTo(EvaluatedBy.RULE);
        assertThat(error.findings()).singleElement().satisfies(f -> assertThat(f.offset()).isEqualTo(11));
        assertThat(warning.verdict()).isEqualTo(Verdict.WARN);
    }

    @Test
    void ruleFindingsOnAGuidelineWithAnInstructionAreCandidatesForTheModel() {
        PlainText text = PlainText.of("We promise guaranteed returns.", ArticleFormat.PLAIN);
        Guideline g = guideline(Severity.ERROR, "Judge it.");
        GuidelineTask task = task(g, text);
        assertThat(judge.byRules(task, judge.ruleFindings(task))).as("the model reviews them").isNull();
        GuidelineResult alone = judge.withoutModel(task, judge.ruleFindings(task));
        assertThat(alone.verdict()).as("without a model a certain hit decides").isEqualTo(Verdict.FAIL);
        assertThat(alone.needsReview()).isNull();
        assertThat(alone.reason()).contains("not reviewed by a model");
    }

    @Test
    void withoutAModelHitsThatNeedReviewMakeAWarnMarkedSoNeverAFail() {
        PlainText text = PlainText.of("They said \"guaranteed returns\" to me.", ArticleFormat.PLAIN);
        Guideline g = new Guideline("g", "No guarantees", "regulatory", Severity.ERROR, 1, "Judge it.", new Checks(
                List.of(new Checks.ForbiddenTerm("guaranteed returns", null, null, false, true)), null, null, null,
                null));
        GuidelineTask task = task(g, text);
        GuidelineResult result = judge.withoutModel(task, judge.ruleFindings(task));
        assertThat(result.verdict()).isEqualTo(Verdict.WARN);
        assertThat(result.needsReview()).isTrue();
        assertThat(result.findings()).singleElement().satisfies(f -> assertThat(f.needsReview()).isTrue());
    }

    @Test
    void theModelConfirmsOrOverrulesEachCandidateAndOverruledOnesStayMarked() {
        PlainText text = PlainText.of("No guaranteed returns here. But we offer guaranteed returns.", ArticleFormat.PLAIN);
        Guideline g = new Guideline("g", "No guarantees", "regulatory", Severity.ERROR, 1, "Judge it.", new Checks(
                List.of(new Checks.ForbiddenTerm("guaranteed returns", null, null, false)), null, null, null, null));
        GuidelineTask task = task(g, text);
        List<Finding> candidates = judge.ruleFindings(task);
        assertThat(candidates).hasSize(2);
        var call = new GuidelineResult.LlmCall("m", 1, 100, 20, 5);

        GuidelineResult mixed = GuidelineJudge.reviewed(task, candidates, new CandidateReview(List.of(
                new CandidateReview.Decision(0, false, "A denial."), new CandidateReview.Decision(1, true, "A promise.")),
                call, true, null));
        assertThat(mixed.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(mixed.llm()).isEqualTo(call);
        assertThat(mixed.findings().get(0).overruledBy()).isEqualTo("llm");
        assertThat(mixed.findings().get(0).overruledReason()).isEqualTo("A denial.");
        assertThat(mixed.findings().get(1).live()).isTrue();

        assertThat(GuidelineJudge.reviewed(task, candidates, new CandidateReview(List.of(
                new CandidateReview.Decision(0, false, "A denial."), new CandidateReview.Decision(1, false, "Quoted.")),
                call, true, null))).as("all overruled: the model judges the guideline itself").isNull();

        GuidelineResult unreviewed = GuidelineJudge.reviewed(task, candidates,
                new CandidateReview(List.of(), null, false, "circuit breaker open"));
        assertThat(unreviewed.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(unreviewed.reason()).contains("could not review").contains("circuit breaker open");
    }

    @Test
    void cleanTextPassesWithoutAnInstructionAndGoesToTheModelWithOne() {
        PlainText text = PlainText.of("A calm article.", ArticleFormat.PLAIN);
        assertThat(byRules(guideline(Severity.ERROR, null), text).verdict()).isEqualTo(Verdict.PASS);
        assertThat(byRules(guideline(Severity.ERROR, "Judge it."), text)).isNull();
        GuidelineTask task = task(guideline(Severity.ERROR, "Judge it."), text);
        assertThat(judge.withoutModel(task, List.of()).verdict()).isEqualTo(Verdict.NOT_EVALUATED);
    }

    private GuidelineResult byRules(Guideline g, PlainText text) {
        GuidelineTask task = task(g, text);
        return judge.byRules(task, judge.ruleFindings(task));
    }

    @Test
    void modelQuotesAreLocatedInTheSubmittedTextInOrder() {
        String source = "**Fees** apply 🙂. Fees apply again.";
        PlainText text = PlainText.of(source, ArticleFormat.MARKDOWN);
        ParsedVerdict answer = ParsedVerdict.of(hub.report.model.Verdict.FAIL, 0.8, "two fee mentions", List.of(
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
