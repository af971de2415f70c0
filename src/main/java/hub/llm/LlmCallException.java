package hub.llm;

/** The LLM endpoint did not give a usable HTTP answer within the retry budget. */
public class LlmCallException extends RuntimeException {

    public LlmCallException(String message) {
        super(message);
    }
}
