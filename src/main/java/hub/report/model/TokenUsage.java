package hub.report.model;

import com.fasterxml.jackson.databind.JsonNode;

/** Token counts reported by the chat-completions endpoint; {@link #NONE} when it reported none. */
public record TokenUsage(int promptTokens, int completionTokens) {

    public static final TokenUsage NONE = new TokenUsage(0, 0);

    /** The {@code usage} object of a chat-completions response, {@link #NONE} when there is none. */
    public static TokenUsage of(JsonNode response) {
        JsonNode usage = response.path("usage");
        return usage.isObject()
                ? new TokenUsage(usage.path("prompt_tokens").asInt(0), usage.path("completion_tokens").asInt(0))
                : NONE;
    }
}
