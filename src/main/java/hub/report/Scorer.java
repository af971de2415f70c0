package hub.report;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * Weighted score over the guidelines that were actually judged: PASS earns the full weight, WARN half of it,
 * FAIL nothing. NOT_APPLICABLE, NOT_EVALUATED and ERROR are left out of both sides, so an unevaluated guideline
 * neither helps nor hurts; the report says it is partial instead.
 */
public final class Scorer {

    private Scorer() {
    }

    /** Returns the score from 0 to 100 with one decimal, or null when no guideline was judged. */
    public static Double score(Collection<GuidelineResult> results) {
        double earned = 0;
        double possible = 0;
        for (GuidelineResult r : results) {
            if (!r.verdict().isScored()) {
                continue;
            }
            possible += r.weight();
            earned += r.weight() * credit(r.verdict());
        }
        if (possible == 0) {
            return null;
        }
        return Math.round(1000.0 * earned / possible) / 10.0;
    }

    public static Map<Verdict, Integer> counts(Collection<GuidelineResult> results) {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            counts.put(v, 0);
        }
        results.forEach(r -> counts.merge(r.verdict(), 1, Integer::sum));
        return counts;
    }

    private static double credit(Verdict verdict) {
        return switch (verdict) {
            case PASS -> 1.0;
            case WARN -> 0.5;
            default -> 0.0;
        };
    }
}
