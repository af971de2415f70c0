package hub.llm;

/** Token counts reported by the chat-completions endpoint; {@link #NONE} when it reported none. */
public record TokenUsage(int promptTokens, int completionTokens) {

    public static final TokenUsage NONE = new TokenUsage(0, 0);
}
