package hub.llm;

import hub.candidatereview.CandidateReviewRequestFactory;

/**
 * The versions of the prompts and output contracts that judge guidelines, as reports and MLflow runs name them: the
 * single-guideline prompt (window, somewhere and article scopes) and the batch prompt (unit scope).
 */
public final class PromptVersions {

    public static final String GUIDELINES = ChatRequestFactory.PROMPT_VERSION + " + " + UnitBatchRequestFactory.PROMPT_VERSION;

    /**
     * The prompt in which the model confirms or overrules a guideline's rule hits (review-rule-candidates). Not part
     * of {@link #GUIDELINES} until the review is wired into the evaluation of guidelines; then it belongs there.
     */
    public static final String RULE_CANDIDATES = CandidateReviewRequestFactory.PROMPT_VERSION;

    private PromptVersions() {
    }
}
