package hub.report.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import hub.guideline.Checks;
import hub.guideline.Guideline;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScorerTest {

    private static final Finding HIT = new Finding("forbidden-term", "m", "x", 0, 1, null);

    @Test
    void aCleanArticleScoresAHundredAndOneRegulatoryFailureBringsItToAQuarter() {
        assertThat(Scorer.score(List.of(result(Severity.ERROR, 3, Verdict.PASS, List.of()),
                result(Severity.WARNING, 2, Verdict.NOT_APPLICABLE, List.of())))).isEqualTo(100.0);
        // (1 - 0.6)^(2/2) = 0.4 with weight 2; (1 - 0.6)^(3/2) = 0.253 with weight 3
        assertThat(Scorer.score(List.of(result(Severity.ERROR, 2, Verdict.FAIL, List.of(HIT))))).isEqualTo(40.0);
        assertThat(Scorer.score(List.of(result(Severity.ERROR, 3, Verdict.FAIL, List.of(HIT))))).isEqualTo(25.3);
    }

    @Test
    void penaltiesFollowVerdictSeverityReviewAndTheNumberOfFindings() {
        assertThat(Scorer.penalty(result(Severity.WARNING, 2, Verdict.FAIL, List.of(HIT)))).isEqualTo(0.35);
        assertThat(Scorer.penalty(result(Severity.WARNING, 2, Verdict.WARN, List.of(HIT)))).isEqualTo(0.175);
        assertThat(Scorer.penalty(result(Severity.WARNING, 2, Verdict.WARN, List.of(HIT)).needingReview()))
                .isEqualTo(0.0875);
        assertThat(Scorer.penalty(result(Severity.INFO, 1, Verdict.WARN, List.of(HIT, HIT))))
                .isCloseTo(0.075 * 1.25, within(1e-9));
        assertThat(Scorer.penalty(result(Severity.ERROR, 1, Verdict.FAIL, Collections.nCopies(50, HIT))))
                .isCloseTo(0.6 * 1.5, within(1e-9));
    }

    @Test
    void overruledFindingsAndUnjudgedGuidelinesTakeNothingAway() {
        Finding overruled = HIT.overruled("llm", "A denial.");
        assertThat(Scorer.score(List.of(result(Severity.ERROR, 3, Verdict.PASS, List.of(overruled)),
                result(Severity.ERROR, 5, Verdict.NOT_EVALUATED, List.of()),
                result(Severity.ERROR, 5, Verdict.ERROR, List.of())))).isEqualTo(100.0);
    }

    @Test
    void fixingAFindingNeverLowersTheScore() {
        // Every step fixes one finding: FAIL with three hits, two, one, then the rule finds nothing and the guideline
        // goes to a model that is not configured (NOT_EVALUATED), as in the console without an LLM.
        List<GuidelineResult> others = List.of(result(Severity.WARNING, 2, Verdict.WARN, List.of(HIT)),
                result(Severity.INFO, 1, Verdict.PASS, List.of()));
        List<List<GuidelineResult>> steps = List.of(
                with(others, result(Severity.ERROR, 3, Verdict.FAIL, List.of(HIT, HIT, HIT))),
                with(others, result(Severity.ERROR, 3, Verdict.FAIL, List.of(HIT, HIT))),
                with(others, result(Severity.ERROR, 3, Verdict.FAIL, List.of(HIT))),
                with(others, result(Severity.ERROR, 3, Verdict.WARN, List.of(HIT)).needingReview()),
                with(others, result(Severity.ERROR, 3, Verdict.NOT_EVALUATED, List.of())),
                with(others, result(Severity.ERROR, 3, Verdict.PASS, List.of())));
        double previous = -1;
        for (List<GuidelineResult> step : steps) {
            double score = Scorer.score(step);
            assertThat(score).isGreaterThanOrEqualTo(previous);
            previous = score;
        }
        assertThat(previous).isEqualTo(Scorer.score(with(others, result(Severity.ERROR, 3, Verdict.PASS, List.of()))));
    }

    @Test
    void coverageIsTheShareOfWeightThatWasJudged() {
        assertThat(Scorer.coverage(List.of(result(Severity.ERROR, 3, Verdict.PASS, List.of()),
                result(Severity.ERROR, 1, Verdict.NOT_APPLICABLE, List.of()),
                result(Severity.ERROR, 2, Verdict.NOT_EVALUATED, List.of()),
                result(Severity.ERROR, 2, Verdict.ERROR, List.of())))).isEqualTo(0.5);
        assertThat(Scorer.coverage(List.of())).isNull();
    }

    @Test
    void nothingJudgedMeansNoScore() {
        assertThat(Scorer.score(List.of(result(Severity.ERROR, 1, Verdict.NOT_EVALUATED, List.of())))).isNull();
        assertThat(Scorer.score(List.of())).isNull();
    }

    @Test
    void countsHaveEveryVerdict() {
        var counts = Scorer.counts(List.of(result(Severity.ERROR, 1, Verdict.PASS, List.of()),
                result(Severity.ERROR, 1, Verdict.PASS, List.of()), result(Severity.ERROR, 1, Verdict.ERROR, List.of())));
        assertThat(counts).hasSize(Verdict.values().length).containsEntry(Verdict.PASS, 2)
                .containsEntry(Verdict.ERROR, 1).containsEntry(Verdict.FAIL, 0);
    }

    private static List<GuidelineResult> with(List<GuidelineResult> others, GuidelineResult one) {
        List<GuidelineResult> all = new ArrayList<>(others);
        all.add(one);
        return all;
    }

    private static GuidelineResult result(Severity severity, double weight, Verdict verdict, List<Finding> findings) {
        Guideline g = new Guideline("g-" + weight + verdict, "title", "cat", severity, weight, null,
                new Checks(List.of(new Checks.ForbiddenTerm("x", null, null, false)), null, null, null, null));
        return g.result(verdict, EvaluatedBy.RULE, findings, null, null, null, null);
    }
}
