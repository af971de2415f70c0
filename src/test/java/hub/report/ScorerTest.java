package hub.report;

import static org.assertj.core.api.Assertions.assertThat;

import hub.guideline.Checks;
import hub.guideline.Guideline;
import hub.guideline.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScorerTest {

    @Test
    void passEarnsTheWeightWarnHalfAndFailNothing() {
        List<GuidelineResult> results = List.of(result(3, Verdict.PASS), result(2, Verdict.WARN), result(1, Verdict.FAIL));
        // (3 + 1 + 0) / 6 = 66.67 %
        assertThat(Scorer.score(results)).isEqualTo(66.7);
    }

    @Test
    void unjudgedGuidelinesNeitherHelpNorHurt() {
        List<GuidelineResult> results = List.of(result(1, Verdict.PASS), result(5, Verdict.NOT_EVALUATED),
                result(5, Verdict.ERROR), result(5, Verdict.NOT_APPLICABLE), result(1, Verdict.FAIL));
        assertThat(Scorer.score(results)).isEqualTo(50.0);
    }

    @Test
    void nothingJudgedMeansNoScore() {
        assertThat(Scorer.score(List.of(result(1, Verdict.NOT_EVALUATED)))).isNull();
        assertThat(Scorer.score(List.of())).isNull();
    }

    @Test
    void countsHaveEveryVerdict() {
        var counts = Scorer.counts(List.of(result(1, Verdict.PASS), result(1, Verdict.PASS), result(1, Verdict.ERROR)));
        assertThat(counts).hasSize(Verdict.values().length).containsEntry(Verdict.PASS, 2)
                .containsEntry(Verdict.ERROR, 1).containsEntry(Verdict.FAIL, 0);
    }

    private static GuidelineResult result(double weight, Verdict verdict) {
        Guideline g = new Guideline("g-" + weight + verdict, "title", "cat", Severity.ERROR, weight, null,
                new Checks(List.of(new Checks.ForbiddenTerm("x", null, null, false)), null, null, null, null));
        return GuidelineResult.of(g, verdict, EvaluatedBy.RULE, List.of(), null, null, null, null);
    }
}
