package hub.report;

import hub.candidatereview.CandidateReviewRequestFactory;

import hub.llm.ChatRequestFactory;
import hub.llm.UnitBatchRequestFactory;
/**
 * The versions of the prompts and output contracts that judge guidelines, as reports and MLflow runs name them: the
 * single-guideline prompt (window, somewhere and article scopes), the batch prompt (unit scope) and the review of
 * rule candidates (ADR 0018).
 */
public final class PromptVersions {

    /** The prompt in which the model confirms or overrules a guideline's rule hits (review-rule-candidates). */
    public static final String RULE_CANDIDATES = CandidateReviewRequestFactory.PROMPT_VERSION;

    public static final String GUIDELINES = ChatRequestFactory.PROMPT_VERSION + " + " + UnitBatchRequestFactory.PROMPT_VERSION
            + " + " + RULE_CANDIDATES;

    private PromptVersions() {
    }
}
