package hub.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The metrics against counts worked out by hand. */
class MetricsTest {

    private static final Expectation VIOLATION_RULES = new Expectation(true, "rules", List.of());
    private static final Expectation VIOLATION_MODEL = new Expectation(true, "model", List.of());
    private static final Expectation COMPLIANT = new Expectation(false, "rules", List.of());

    static GuidelineOutcome g(String item, String guideline, Expectation e, Predicted p) {
        return new GuidelineOutcome(item, guideline, e, p, null, List.of(), List.of());
    }

    static ItemOutcome item(String id, String kind, String language, String split, Double score,
                            GuidelineOutcome... outcomes) {
        return new ItemOutcome(id, kind, language, split, score, List.of(outcomes), null);
    }

    /**
     * i1: g1 violation→VIOLATION (TP), g2 compliant→CLEAN.
     * i2: g1 violation (model)→REVIEW (FN; TP with review), g2 compliant→VIOLATION (FP).
     * i3: g1 violation→UNDECIDED (FN), g2 compliant→REVIEW (FP with review only).
     * i4: g1 compliant→CLEAN, g2 compliant→UNDECIDED (clean item, no alarm).
     * i5: g2 compliant→VIOLATION (FP; clean item with an alarm).
     */
    static List<ItemOutcome> mixed() {
        return List.of(
                item("i1", "passage", "en", "dev", null, g("i1", "g1", VIOLATION_RULES, Predicted.VIOLATION),
                        g("i1", "g2", COMPLIANT, Predicted.CLEAN)),
                item("i2", "passage", "en", "dev", null, g("i2", "g1", VIOLATION_MODEL, Predicted.REVIEW),
                        g("i2", "g2", COMPLIANT, Predicted.VIOLATION)),
                item("i3", "passage", "de", "test", null, g("i3", "g1", VIOLATION_RULES, Predicted.UNDECIDED),
                        g("i3", "g2", COMPLIANT, Predicted.REVIEW)),
                item("i4", "passage", "de", "test", null, g("i4", "g1", COMPLIANT, Predicted.CLEAN),
                        g("i4", "g2", COMPLIANT, Predicted.UNDECIDED)),
                item("i5", "passage", "en", "test", null, g("i5", "g2", COMPLIANT, Predicted.VIOLATION)));
    }

    @Test
    void strictAndReviewCountedPrecisionRecallAndF1() {
        Figures f = Metrics.of(mixed());
        assertThat(f.items()).isEqualTo(5);
        assertThat(f.expectations()).isEqualTo(9);
        // Strict: TP 1, FP 2, FN 2.
        assertThat(f.precision()).isEqualTo(new Rate(1, 3));
        assertThat(f.recall()).isEqualTo(new Rate(1, 3));
        assertThat(f.f1().getAsDouble()).isCloseTo(1.0 / 3, within(1e-9));
        // Review counted as violation: TP 2, FP 3, FN 1 → 0.4, 2/3, F1 2·0.4·(2/3)/(0.4+2/3) = 0.5.
        assertThat(f.precisionWithReview()).isEqualTo(new Rate(2, 5));
        assertThat(f.recallWithReview()).isEqualTo(new Rate(2, 3));
        assertThat(f.f1WithReview().getAsDouble()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void rulesRecallCountsOnlyRulesDecidableLabels() {
        // i1 g1 (TP) and i3 g1 (FN) are rules-decidable; i2 g1 is the model's.
        assertThat(Metrics.of(mixed()).recallRules()).isEqualTo(new Rate(1, 2));
    }

    @Test
    void falseAlarmsCoverageAndReviewRate() {
        Figures f = Metrics.of(mixed());
        // Clean items i4 and i5; i5 got a violation.
        assertThat(f.falseAlarms()).isEqualTo(new Rate(1, 2));
        // Undecided: i3 g1, i4 g2.
        assertThat(f.coverage()).isEqualTo(new Rate(7, 9));
        // Review: i2 g1, i3 g2.
        assertThat(f.reviewRate()).isEqualTo(new Rate(2, 9));
    }

    @Test
    void reviewAloneIsNoFalseAlarm() {
        List<ItemOutcome> items = List.of(item("c", "passage", "en", "dev", null,
                g("c", "g1", COMPLIANT, Predicted.REVIEW)));
        assertThat(Metrics.of(items).falseAlarms()).isEqualTo(new Rate(0, 1));
    }

    @Test
    void perGuidelineLanguageAndSplit() {
        var byGuideline = Metrics.byGuideline(mixed());
        assertThat(byGuideline).containsOnlyKeys("g1", "g2");
        // g1: TP i1, FN i2 and i3; no FP.
        assertThat(byGuideline.get("g1").precision()).isEqualTo(new Rate(1, 1));
        assertThat(byGuideline.get("g1").recall()).isEqualTo(new Rate(1, 3));
        assertThat(byGuideline.get("g1").items()).isEqualTo(4);
        // g2: no labelled violation: precision 0/2, recall n/a, F1 n/a.
        assertThat(byGuideline.get("g2").precision()).isEqualTo(new Rate(0, 2));
        assertThat(byGuideline.get("g2").recall().value()).isEmpty();
        assertThat(byGuideline.get("g2").f1()).isEmpty();
        assertThat(byGuideline.get("g2").coverage()).isEqualTo(new Rate(4, 5));

        var byLanguage = Metrics.byLanguage(mixed());
        assertThat(byLanguage).containsOnlyKeys("de", "en");
        assertThat(byLanguage.get("de").items()).isEqualTo(2);
        // de: i3 g1 FN, i3 g2 review, i4 nothing: no predicted violation → precision n/a, recall 0/1.
        assertThat(byLanguage.get("de").precision().value()).isEmpty();
        assertThat(byLanguage.get("de").recall()).isEqualTo(new Rate(0, 1));
        assertThat(Metrics.bySplit(mixed()).get("test").items()).isEqualTo(3);
    }

    @Test
    void emptyDenominatorsAreNotApplicableNeverOne() {
        Figures f = Metrics.of(List.of());
        assertThat(f.precision().value()).isEmpty();
        assertThat(f.recall().value()).isEmpty();
        assertThat(f.f1()).isEmpty();
        assertThat(f.recallRules().value()).isEmpty();
        assertThat(f.spanAccuracy().value()).isEmpty();
        assertThat(f.spanPrecision().value()).isEmpty();
        assertThat(f.falseAlarms().value()).isEmpty();
        assertThat(f.coverage().value()).isEmpty();
        assertThat(f.separation()).isEmpty();
        assertThat(f.meanScoreCompliant()).isEmpty();
        assertThat(f.precision().format()).isEqualTo("n/a");

        // Everything clean and predicted clean: nothing predicted positive, nothing to find.
        Figures clean = Metrics.of(List.of(item("c", "passage", "en", "dev", null,
                g("c", "g1", COMPLIANT, Predicted.CLEAN))));
        assertThat(clean.precision().value()).isEmpty();
        assertThat(clean.recall().value()).isEmpty();
        assertThat(clean.falseAlarms()).isEqualTo(new Rate(0, 1));
    }

    @Test
    void f1IsZeroWhenPrecisionAndRecallAreZero() {
        Figures f = Metrics.of(List.of(item("x", "passage", "en", "dev", null,
                g("x", "g1", VIOLATION_RULES, Predicted.CLEAN), g("x", "g2", COMPLIANT, Predicted.VIOLATION))));
        assertThat(f.precision()).isEqualTo(new Rate(0, 1));
        assertThat(f.recall()).isEqualTo(new Rate(0, 1));
        assertThat(f.f1()).hasValue(0.0);
    }

    @Test
    void separationIsTheAucWithTiesCountingHalf() {
        List<ItemOutcome> items = new ArrayList<>();
        double[] compliant = {90, 80, 70};
        double[] violating = {80, 60};
        for (int i = 0; i < compliant.length; i++) {
            items.add(item("c" + i, "article", "en", "dev", compliant[i], g("c" + i, "g", COMPLIANT, Predicted.CLEAN)));
        }
        for (int i = 0; i < violating.length; i++) {
            items.add(item("v" + i, "article", "en", "dev", violating[i],
                    g("v" + i, "g", VIOLATION_RULES, Predicted.VIOLATION), g("v" + i, "h", COMPLIANT, Predicted.CLEAN)));
        }
        // Left out: a passage, and an article without a score.
        items.add(item("p", "passage", "en", "dev", 0.0, g("p", "g", COMPLIANT, Predicted.CLEAN)));
        items.add(item("n", "article", "en", "dev", null, g("n", "g", VIOLATION_RULES, Predicted.UNDECIDED)));
        Figures f = Metrics.of(items);
        // Pairs: 90>80, 90>60, 80=80 (½), 80>60, 70<80, 70>60 → 4.5 / 6.
        assertThat(f.separation().getAsDouble()).isCloseTo(0.75, within(1e-9));
        assertThat(f.meanScoreCompliant().getAsDouble()).isCloseTo(80, within(1e-9));
        assertThat(f.meanScoreViolating().getAsDouble()).isCloseTo(70, within(1e-9));
        assertThat(f.compliantArticles()).isEqualTo(3);
        assertThat(f.violatingArticles()).isEqualTo(2);
    }

    @Test
    void aucOfAllTiesIsOneHalfAndOfOneEmptySideNotApplicable() {
        assertThat(Metrics.auc(List.of(50.0, 50.0), List.of(50.0))).hasValue(0.5);
        assertThat(Metrics.auc(List.of(100.0), List.of(0.0))).hasValue(1.0);
        assertThat(Metrics.auc(List.of(), List.of(1.0))).isEmpty();
        assertThat(Metrics.auc(List.of(1.0), List.of())).isEmpty();
    }

    @Test
    void spanAccuracyAndPrecisionOverTruePositivesWithSpans() {
        Expectation spanned = new Expectation(true, "rules", List.of("x"));
        GuidelineOutcome tp = new GuidelineOutcome("s", "g1", spanned, Predicted.VIOLATION, "FAIL",
                List.of(new Span(0, 5), new Span(10, 5)), List.of(new Span(2, 2), new Span(30, 4)));
        // A missed violation's spans do not count, nor do true positives without labelled spans.
        GuidelineOutcome fn = new GuidelineOutcome("s", "g2", spanned, Predicted.CLEAN, "PASS",
                List.of(new Span(40, 3)), List.of());
        GuidelineOutcome noSpans = new GuidelineOutcome("s", "g3", VIOLATION_RULES, Predicted.VIOLATION, "FAIL",
                List.of(), List.of(new Span(50, 2)));
        Figures f = Metrics.of(List.of(new ItemOutcome("s", "passage", "en", "dev", null,
                List.of(tp, fn, noSpans), null)));
        assertThat(f.spanAccuracy()).isEqualTo(new Rate(1, 2));
        assertThat(f.spanPrecision()).isEqualTo(new Rate(1, 2));
    }

    @Test
    void spansOverlapOnlyWhenTheyShareACodeUnit() {
        assertThat(new Span(0, 5).overlaps(new Span(5, 3))).isFalse();
        assertThat(new Span(0, 5).overlaps(new Span(4, 3))).isTrue();
        assertThat(new Span(4, 3).overlaps(new Span(0, 5))).isTrue();
        assertThat(new Span(3, 0).overlaps(new Span(0, 5))).isFalse();
        assertThat(Span.occurrences("aaa best and best", "best"))
                .containsExactly(new Span(4, 4), new Span(13, 4));
        assertThat(Span.occurrences("aaaa", "aa")).hasSize(3);
        assertThat(Span.occurrences("text", "missing")).isEmpty();
    }

    @Test
    void rateFormatsThreeDecimals() {
        assertThat(new Rate(2, 3).format()).isEqualTo("0.667");
        assertThat(new Rate(0, 0).format()).isEqualTo("n/a");
        assertThat(Rate.format(OptionalDouble.of(1))).isEqualTo("1.000");
    }
}
