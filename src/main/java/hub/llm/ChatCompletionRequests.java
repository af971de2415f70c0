package hub.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Pattern;

/**
 * Writes OpenAI chat-completions request bodies for one model setting: a first request of one system and one user
 * message asking for a JSON object of the caller's {@link ResponseSchema} (structured output, strict), and the
 * continuation of a request with a re-ask turn. What goes into the messages is up to the caller. Whether the endpoint
 * gets the schema, a plain {@code json_object} or no response format is decided per call by {@link StructuredOutput}
 * in {@code llm-chat.camel.yaml} ({@code hub.llm.structured-output}).
 */
public final class ChatCompletionRequests {

    private final ObjectMapper objectMapper;
    private final String model;
    private final int maxTokens;
    private final double temperature;

    public ChatCompletionRequests(ObjectMapper objectMapper, String model, int maxTokens, double temperature) {
        this.objectMapper = objectMapper;
        this.model = model;
        this.maxTokens = maxTokens;
        this.temperature = temperature;
    }

    public String model() {
        return model;
    }

    /**
     * A request with model, temperature, max_tokens, a json_schema response format for {@code schema} (strict) and the
     * two messages.
     */
    public String request(String systemMessage, String userMessage, ResponseSchema schema) {
        ObjectNode request = objectMapper.createObjectNode();
        request.put("model", model);
        request.put("temperature", temperature);
        request.put("max_tokens", maxTokens);
        request.set("response_format", schema.responseFormat(objectMapper));
        ArrayNode messages = request.putArray("messages");
        addMessage(messages, "system", systemMessage);
        addMessage(messages, "user", userMessage);
        return write(request);
    }

    /**
     * Continues {@code previousRequestJson} with the invalid answer (omitted when there was none) and a user message
     * naming the problem, so the model can correct itself with the full context.
     *
     * @throws IllegalArgumentException if {@code previousRequestJson} is not a chat-completions request with messages
     */
    public String reask(String previousRequestJson, String invalidAssistantContent, String problem) {
        ObjectNode request = readRequest(previousRequestJson);
        ArrayNode messages = (ArrayNode) request.get("messages");
        if (invalidAssistantContent != null && !invalidAssistantContent.isBlank()) {
            addMessage(messages, "assistant", invalidAssistantContent);
        }
        addMessage(messages, "user", "Your previous answer was invalid: " + problem + "\n"
                + "Answer again with ONLY the JSON object described in the system message: no prose, no Markdown, "
                + "no other fields.");
        return write(request);
    }

    /**
     * A pattern that finds every closing {@code </tagName>} marker, whatever its case and spacing, for
     * {@link #neutralizeClosingTag}.
     */
    public static Pattern closingTag(String tagName) {
        return Pattern.compile("<(\\s*)/(\\s*" + Pattern.quote(tagName) + "\\s*>)", Pattern.CASE_INSENSITIVE);
    }

    /**
     * Turns every closing marker that {@code closingTag} (from {@link #closingTag}) finds in untrusted text into
     * {@code <\/tagName>}, so the text cannot end the block it is embedded in.
     */
    public static String neutralizeClosingTag(String untrusted, Pattern closingTag) {
        return closingTag.matcher(untrusted).replaceAll("<$1\\\\/$2");
    }

    private static void addMessage(ArrayNode messages, String role, String content) {
        messages.addObject().put("role", role).put("content", content);
    }

    private ObjectNode readRequest(String requestJson) {
        try {
            JsonNode request = objectMapper.readTree(requestJson);
            if (request instanceof ObjectNode object && object.get("messages") instanceof ArrayNode) {
                return object;
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("previous request is not JSON", e);
        }
        throw new IllegalArgumentException("previous request is not a chat-completions request with messages");
    }

    private String write(ObjectNode request) {
        try {
            return objectMapper.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize chat request", e);
        }
    }
}
