package hub.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The verdict-quality metrics of docs/evaluation.md, computed from item outcomes alone (no I/O).
 *
 * <ul>
 *   <li>A positive is a labelled violation. Strict: predicted {@link Predicted#VIOLATION}; with review: predicted
 *       VIOLATION or REVIEW. TP, FP, FN over expectations; precision TP/(TP+FP), recall TP/(TP+FN), F1 their
 *       harmonic mean (0 when both are 0, n/a when either is n/a).</li>
 *   <li>Rules recall: the strict recall over the expectations labelled {@code decidable: rules}.</li>
 *   <li>Span accuracy: over strict true positives with labelled spans, the share of expected span occurrences that a
 *       live located finding of the guideline overlaps. Span precision: over the same expectations, the share of
 *       live located findings that overlap an expected span occurrence.</li>
 *   <li>False alarms: of the items whose labels are all compliant, the share with a strict VIOLATION on a labelled
 *       guideline.</li>
 *   <li>Coverage: share of expectations not UNDECIDED. Review rate: share predicted REVIEW.</li>
 *   <li>Separation: over {@code kind: article} items with a score, the ROC AUC of the score with compliant articles
 *       (every label compliant) as the class that should score higher than violating ones (any violation):
 *       P(c &gt; v) + 0.5 P(c = v) over all pairs; and the mean score of each group.</li>
 * </ul>
 * Every share with an empty denominator is n/a.
 */
public final class Metrics {

    private Metrics() {
    }

    public static Figures of(List<ItemOutcome> items) {
        long tp = 0, fp = 0, fn = 0, tpR = 0, fpR = 0, fnR = 0, rulesTp = 0, rulesAll = 0;
        long spansHit = 0, spansAll = 0, findingsOnSpan = 0, findingsAll = 0;
        long expectations = 0, decided = 0, review = 0;
        for (ItemOutcome item : items) {
            for (GuidelineOutcome g : item.guidelines()) {
                expectations++;
                boolean strict = g.predicted() == Predicted.VIOLATION;
                boolean loose = strict || g.predicted() == Predicted.REVIEW;
                if (g.predicted() != Predicted.UNDECIDED) {
                    decided++;
                }
                if (g.predicted() == Predicted.REVIEW) {
                    review++;
                }
                if (g.expectedViolation()) {
                    if (strict) {
                        tp++;
                    } else {
                        fn++;
                    }
                    if (loose) {
                        tpR++;
                    } else {
                        fnR++;
                    }
                    if (g.expectation().rulesDecidable()) {
                        rulesAll++;
                        if (strict) {
                            rulesTp++;
                        }
                    }
                    if (strict && !g.expectation().spans().isEmpty()) {
                        spansAll += g.expectedSpans().size();
                        spansHit += g.expectedSpans().stream()
                                .filter(s -> g.liveSpans().stream().anyMatch(s::overlaps)).count();
                        findingsAll += g.liveSpans().size();
                        findingsOnSpan += g.liveSpans().stream()
                                .filter(f -> g.expectedSpans().stream().anyMatch(f::overlaps)).count();
                    }
                } else {
                    if (strict) {
                        fp++;
                    }
                    if (loose) {
                        fpR++;
                    }
                }
            }
        }
        Rate precision = new Rate(tp, tp + fp);
        Rate recall = new Rate(tp, tp + fn);
        Rate precisionR = new Rate(tpR, tpR + fpR);
        Rate recallR = new Rate(tpR, tpR + fnR);

        List<ItemOutcome> clean = items.stream().filter(ItemOutcome::allCompliant).toList();
        long alarmed = clean.stream()
                .filter(i -> i.guidelines().stream().anyMatch(g -> g.predicted() == Predicted.VIOLATION)).count();

        List<Double> compliant = new ArrayList<>();
        List<Double> violating = new ArrayList<>();
        for (ItemOutcome item : items) {
            if (!item.article() || item.score() == null || item.guidelines().isEmpty()) {
                continue;
            }
            (item.anyViolationExpected() ? violating : compliant).add(item.score());
        }
        return new Figures(items.size(), (int) expectations, precision, recall, f1(precision, recall),
                precisionR, recallR, f1(precisionR, recallR), new Rate(rulesTp, rulesAll),
                new Rate(spansHit, spansAll), new Rate(findingsOnSpan, findingsAll),
                new Rate(alarmed, clean.size()), new Rate(decided, expectations), new Rate(review, expectations),
                auc(compliant, violating), mean(compliant), mean(violating), compliant.size(), violating.size());
    }

    /** 2PR/(P+R); 0 when P and R are both 0; n/a when either is n/a. */
    public static OptionalDouble f1(Rate precision, Rate recall) {
        OptionalDouble p = precision.value();
        OptionalDouble r = recall.value();
        if (p.isEmpty() || r.isEmpty()) {
            return OptionalDouble.empty();
        }
        double sum = p.getAsDouble() + r.getAsDouble();
        return OptionalDouble.of(sum == 0 ? 0 : 2 * p.getAsDouble() * r.getAsDouble() / sum);
    }

    /** P(c &gt; v) + 0.5 P(c = v) over every pair of a higher-expected and a lower-expected score; n/a if a side is empty. */
    public static OptionalDouble auc(List<Double> higher, List<Double> lower) {
        if (higher.isEmpty() || lower.isEmpty()) {
            return OptionalDouble.empty();
        }
        double wins = 0;
        for (double c : higher) {
            for (double v : lower) {
                wins += c > v ? 1 : c == v ? 0.5 : 0;
            }
        }
        return OptionalDouble.of(wins / ((double) higher.size() * lower.size()));
    }

    static OptionalDouble mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average();
    }

    /** The figures of each labelled guideline, over the items labelled for it. */
    public static SortedMap<String, Figures> byGuideline(List<ItemOutcome> items) {
        SortedMap<String, Figures> figures = new TreeMap<>();
        items.stream().flatMap(i -> i.guidelines().stream()).map(GuidelineOutcome::guidelineId).distinct()
                .forEach(id -> figures.put(id, of(items.stream().map(i -> i.only(id))
                        .filter(i -> !i.guidelines().isEmpty()).toList())));
        return figures;
    }

    public static SortedMap<String, Figures> byLanguage(List<ItemOutcome> items) {
        return by(items, ItemOutcome::language);
    }

    public static SortedMap<String, Figures> bySplit(List<ItemOutcome> items) {
        return by(items, ItemOutcome::split);
    }

    private static SortedMap<String, Figures> by(List<ItemOutcome> items, Function<ItemOutcome, String> key) {
        Map<String, List<ItemOutcome>> groups = items.stream()
                .collect(Collectors.groupingBy(i -> key.apply(i) == null ? "(none)" : key.apply(i)));
        SortedMap<String, Figures> figures = new TreeMap<>();
        groups.forEach((k, group) -> figures.put(k, of(group)));
        return figures;
    }
}
