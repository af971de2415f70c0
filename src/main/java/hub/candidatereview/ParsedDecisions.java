package hub.candidatereview;

import hub.report.model.TokenUsage;
import java.util.List;

/**
 * One parsed answer to a candidate review request: the decisions sorted by candidate when {@code valid}, otherwise
 * the problem to send back to the model. Usage and model are kept either way so that tokens spent on invalid answers
 * are accounted.
 */
public record ParsedDecisions(boolean valid, String problem, List<CandidateReview.Decision> decisions,
        String assistantContent, TokenUsage usage, String model) {

    public ParsedDecisions {
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
        usage = usage == null ? TokenUsage.NONE : usage;
    }

    static ParsedDecisions invalid(String problem, String assistantContent, TokenUsage usage, String model) {
        return new ParsedDecisions(false, problem, List.of(), assistantContent, usage, model);
    }
}
