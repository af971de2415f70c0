package hub.evaluation;

import java.util.List;

/**
 * One labelled guideline of one item, with what the report made of it.
 *
 * @param verdict the report's verdict, or null when the guideline is missing (or there is no report)
 * @param expectedSpans every occurrence in the text of every labelled span
 * @param liveSpans the located findings that count (neither overruled nor needing review)
 * @param evaluatedBy the report's {@code evaluatedBy} ({@code rule}, {@code llm}, …), null when absent
 */
public record GuidelineOutcome(String itemId, String guidelineId, Expectation expectation, Predicted predicted,
                               String verdict, List<Span> expectedSpans, List<Span> liveSpans,
                               String evaluatedBy) {

    public GuidelineOutcome {
        expectedSpans = List.copyOf(expectedSpans);
        liveSpans = List.copyOf(liveSpans);
    }

    public GuidelineOutcome(String itemId, String guidelineId, Expectation expectation, Predicted predicted,
                            String verdict, List<Span> expectedSpans, List<Span> liveSpans) {
        this(itemId, guidelineId, expectation, predicted, verdict, expectedSpans, liveSpans, null);
    }

    public boolean expectedViolation() {
        return expectation.violation();
    }

    /** Wrong: a labelled violation not predicted as one, or a compliant label predicted violation or review. */
    public boolean misclassified() {
        return expectation.violation() ? predicted != Predicted.VIOLATION
                : predicted == Predicted.VIOLATION || predicted == Predicted.REVIEW;
    }
}
