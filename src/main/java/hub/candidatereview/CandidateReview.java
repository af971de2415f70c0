package hub.candidatereview;

import hub.report.model.GuidelineResult.LlmCall;
import java.util.List;

/**
 * The model's review of a guideline's rule candidates (deterministic rule hits on a guideline that also has an
 * instruction): one {@link Decision} per candidate when {@code valid}. Invalid (no decisions) when the answer was
 * invalid twice or the model could not be reached; {@code problem} says why and {@code call} what the calls cost
 * (null when no call was answered).
 */
public record CandidateReview(List<Decision> decisions, LlmCall call, boolean valid, String problem) {

    public CandidateReview {
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
    }

    /**
     * The decision on one candidate.
     *
     * @param index the candidate's index in the {@code ruleCandidates} list that was reviewed (0-based; the prompt
     *     numbers it index + 1)
     * @param confirmed true when the model confirms the rule hit violates the guideline in its context, false when
     *     it overrules it
     * @param reason the model's one-sentence reason
     */
    public record Decision(int index, boolean confirmed, String reason) {}

    /** The decision on the candidate at {@code index}, or null when there is none (an invalid review). */
    public Decision decision(int index) {
        return decisions.stream().filter(d -> d.index() == index).findFirst().orElse(null);
    }
}
