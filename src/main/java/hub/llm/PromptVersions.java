package hub.llm;

/**
 * The versions of the prompts and output contracts that judge guidelines, as reports and MLflow runs name them: the
 * single-guideline prompt (window, somewhere and article scopes) and the batch prompt (unit scope).
 */
public final class PromptVersions {

    public static final String GUIDELINES = ChatRequestFactory.PROMPT_VERSION + " + " + UnitBatchRequestFactory.PROMPT_VERSION;

    private PromptVersions() {
    }
}
