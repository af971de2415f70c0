package hub.evaluation;

import java.util.List;

/**
 * The label of one guideline on one corpus item.
 *
 * @param violation true for {@code verdict: violation}, false for {@code verdict: compliant}
 * @param decidable who can decide it ({@code rules}, {@code model}, …), or null when the label does not say
 * @param spans passages that must be flagged (each occurrence in the text counts), empty when none are labelled
 */
public record Expectation(boolean violation, String decidable, List<String> spans) {

    public Expectation {
        spans = spans == null ? List.of() : List.copyOf(spans);
    }

    /** Labelled as decidable by the deterministic rules alone. */
    public boolean rulesDecidable() {
        return "rules".equals(decidable);
    }

    public String label() {
        return violation ? "violation" : "compliant";
    }
}
