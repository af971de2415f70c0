package hub.rules;

import hub.report.model.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One finding per stretch of text: located hits of one guideline that overlap ("for a limited time" and "limited
 * time only"; a term inside a pattern's match) merge into one finding over their union, with the message and
 * suggestion of the hit that starts first (the longer one on a tie). The merged finding needs review only when every
 * hit in it does.
 */
final class OverlappingFindings {

    private OverlappingFindings() {
    }

    static List<Finding> merge(List<Finding> hits, String source) {
        List<Finding> sorted = new ArrayList<>(hits);
        sorted.sort(Comparator.comparing(Finding::offset, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Comparator.comparingInt(Finding::length).reversed()));
        List<Finding> merged = new ArrayList<>();
        for (Finding hit : sorted) {
            Finding last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && last.offset() != null && hit.offset() != null
                    && hit.offset() < last.offset() + last.length()) {
                merged.set(merged.size() - 1, union(last, hit, source));
            } else {
                merged.add(hit);
            }
        }
        return merged;
    }

    private static Finding union(Finding first, Finding other, String source) {
        int start = first.offset();
        int end = Math.max(first.offset() + first.length(), other.offset() + other.length());
        Finding union = new Finding(first.checkId(), first.message(), source.substring(start, end), start,
                end - start, first.suggestion(), first.link());
        return first.certain() || other.certain() ? union : union.needingReview();
    }
}
