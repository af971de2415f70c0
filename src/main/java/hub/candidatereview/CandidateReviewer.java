package hub.candidatereview;

import hub.report.model.Finding;
import hub.report.model.GuidelineResult.LlmCall;
import hub.guideline.GuidelineTask;
import java.util.List;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The steps of {@code review-rule-candidates.camel.yaml}: the model confirms or overrules each rule candidate of the
 * guideline in the {@code task} property ({@link GuidelineTask}); the candidates are the {@link Finding}s in the
 * {@code ruleCandidates} property, in order. The route leaves a {@link CandidateReview} in the body. The bean keeps
 * its own state in exchange properties prefixed {@code candidateReview}.
 */
@Component("candidateReview")
public class CandidateReviewer {

    static final String REQUEST = "candidateReviewRequest";
    static final String FIRST_ANSWER = "candidateReviewFirstAnswer";
    static final String STARTED_AT = "candidateReviewStartedAt";

    private final CandidateReviewRequestFactory requests;
    private final CandidateReviewParser parser;

    public CandidateReviewer(CandidateReviewRequestFactory requests, CandidateReviewParser parser) {
        this.requests = requests;
        this.parser = parser;
    }

    /** Whether there is any candidate to review, so that asking the model can be worth it. */
    public boolean hasCandidates(Exchange exchange) {
        return !candidates(exchange).isEmpty();
    }

    /** The review of no candidates: valid, no decisions, no call. */
    public CandidateReview nothingToReview(Exchange exchange) {
        return new CandidateReview(List.of(), null, true, null);
    }

    /**
     * The chat request about the candidates; starts the clock.
     *
     * @throws IllegalArgumentException if the guideline has no instruction or there are no candidates
     */
    public String request(Exchange exchange) {
        GuidelineTask task = exchange.getProperty("task", GuidelineTask.class);
        exchange.setProperty(STARTED_AT, System.nanoTime());
        exchange.removeProperty(FIRST_ANSWER);
        String request = requests.request(task.guideline(), task.article(), candidates(exchange), task.language());
        exchange.setProperty(REQUEST, request);
        return request;
    }

    /** The model's answer (the body, a chat-completions response) checked against the candidates asked. */
    public ParsedDecisions parse(Exchange exchange) {
        return parser.parse(exchange.getIn().getBody(String.class), candidates(exchange).size());
    }

    /** The one re-ask after an invalid answer (the body); the invalid answer is kept for the token count. */
    public String reask(Exchange exchange) {
        ParsedDecisions invalid = exchange.getIn().getBody(ParsedDecisions.class);
        exchange.setProperty(FIRST_ANSWER, invalid);
        return requests.reask(exchange.getProperty(REQUEST, String.class), invalid.assistantContent(),
                invalid.problem());
    }

    /** The review from the final answer (the body), with what both calls cost when there was a re-ask. */
    public CandidateReview review(Exchange exchange) {
        ParsedDecisions answer = exchange.getIn().getBody(ParsedDecisions.class);
        ParsedDecisions first = exchange.getProperty(FIRST_ANSWER, ParsedDecisions.class);
        LlmCall call = LlmCall.measured(answer.model() != null ? answer.model() : requests.model(), answer.usage(),
                first == null ? null : first.usage(), exchange.getProperty(STARTED_AT, Long.class));
        if (!answer.valid()) {
            return new CandidateReview(List.of(), call, false,
                    "The model's answer was invalid" + (first == null ? "" : " twice") + ": " + answer.problem());
        }
        return new CandidateReview(answer.decisions(), call, true, null);
    }

    /** The model could not be reached (retries exhausted, circuit open) or the call failed: no decisions. */
    public CandidateReview unavailable(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String why = cause == null ? "the circuit breaker is open"
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return new CandidateReview(List.of(), null, false, "LLM unavailable: " + why);
    }

    @SuppressWarnings("unchecked")
    private static List<Finding> candidates(Exchange exchange) {
        List<Finding> candidates = exchange.getProperty("ruleCandidates", List.class);
        return candidates == null ? List.of() : candidates;
    }
}
