package hub.report.model;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * The report's score and coverage (docs/decisions/0017-score-and-coverage.md).
 *
 * <p>The score starts at 100 and every guideline found violated takes away a share of what is left: a penalty by
 * its verdict and severity (FAIL of an error 0.6, of a warning 0.35, of an info 0.15; WARN half of that; a WARN that
 * only needs review half again), raised by up to half for more findings (1, 1.25, 1.375… times), and weighed by the
 * guideline's weight as an exponent ({@code (1 - penalty)^(weight / 2)}). Overruled findings count for nothing.
 * PASS, NOT_APPLICABLE, NOT_EVALUATED and ERROR take nothing away, so fixing a finding never lowers the score, and
 * one regulatory failure is enough to bring an article to about 25. What was not judged is stated as coverage
 * instead: the share of the set's weight whose guidelines got a verdict (PASS, FAIL, WARN or NOT_APPLICABLE).
 */
public final class Scorer {

    private static final double MAX_PENALTY = 0.95;

    private Scorer() {
    }

    /** The score from 0 to 100 with one decimal, or null when no guideline was judged. */
    public static Double score(Collection<GuidelineResult> results) {
        if (results.stream().noneMatch(r -> r.verdict().isJudged())) {
            return null;
        }
        double left = 1.0;
        for (GuidelineResult r : results) {
            left *= Math.pow(1.0 - penalty(r), r.weight() / 2.0);
        }
        return Math.round(1000.0 * left) / 10.0;
    }

    /** The share of the guidelines' weight that was judged, from 0 to 1 with three decimals; null without guidelines. */
    public static Double coverage(Collection<GuidelineResult> results) {
        double all = results.stream().mapToDouble(GuidelineResult::weight).sum();
        if (all == 0) {
            return null;
        }
        double judged = results.stream().filter(r -> r.verdict().isJudged()).mapToDouble(GuidelineResult::weight).sum();
        return Math.round(1000.0 * judged / all) / 1000.0;
    }

    /** The share of what is left that a guideline's result takes away, from 0 to {@value #MAX_PENALTY}. */
    static double penalty(GuidelineResult r) {
        if (r.verdict() != Verdict.FAIL && r.verdict() != Verdict.WARN) {
            return 0;
        }
        long live = r.findings().stream().filter(Finding::live).count();
        if (live == 0 && !r.findings().isEmpty()) {
            return 0;
        }
        double base = switch (r.severity() == null ? Severity.WARNING : r.severity()) {
            case ERROR -> 0.6;
            case WARNING -> 0.35;
            case INFO -> 0.15;
        };
        if (r.verdict() == Verdict.WARN) {
            base /= 2;
            if (Boolean.TRUE.equals(r.needsReview())) {
                base /= 2;
            }
        }
        double more = live <= 1 ? 1.0 : 1.5 - Math.pow(0.5, live);
        return Math.min(MAX_PENALTY, base * more);
    }

    public static Map<Verdict, Integer> counts(Collection<GuidelineResult> results) {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            counts.put(v, 0);
        }
        results.forEach(r -> counts.merge(r.verdict(), 1, Integer::sum));
        return counts;
    }
}
