package hub.llm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hub.report.model.TokenUsage;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads OpenAI chat-completions responses whose answer must be a single JSON object: the response body must be exactly
 * one JSON value without duplicate keys. The answer must be one JSON object without duplicate keys too, but what real
 * models wrap around it when no schema constrains them is tolerated where it cannot change the meaning: one Markdown
 * code fence, prose before or after the object (or the fence), and trailing commas in objects and arrays. Bad model
 * output never throws out of {@link #read}; it yields a {@link Reply} with a problem that can be sent back to the model,
 * and {@link #answerObject} and the field checks throw {@link ContractViolation} with such a problem.
 */
public final class ChatCompletionAnswers {

    private static final Pattern JSON_FENCE =
            Pattern.compile("```(?:json|JSON)?[ \\t]*\\R(.*?)\\R?[ \\t]*```", Pattern.DOTALL);
    /** A fenced block anywhere in the content, the fence on one line or not. */
    private static final Pattern ANY_FENCE = Pattern.compile("```(?:json|JSON)?[ \\t]*\\R?(.*?)```", Pattern.DOTALL);

    private final ObjectMapper objectMapper;

    public ChatCompletionAnswers(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /**
     * What a chat-completions response says, before its answer is read.
     *
     * @param content choices[0].message.content; null when the response has none
     * @param problem why the response carries no answer to read (not JSON, no content, cut off at max_tokens); null
     *     when {@code content} is there to be read
     * @param usage the reported token counts, {@link TokenUsage#NONE} when there are none
     * @param model the reported model, null when there is none
     */
    public record Reply(String content, String problem, TokenUsage usage, String model) {

        public boolean answered() {
            return problem == null;
        }
    }

    /** Reads the response body; {@code null} counts as an empty body. */
    public Reply read(String chatCompletionResponseJson) {
        JsonNode response;
        try {
            response = readSingleJsonValue(chatCompletionResponseJson == null ? "" : chatCompletionResponseJson, false);
        } catch (NotOneJsonValue e) {
            return new Reply(null, "response body is not JSON: " + e.getMessage(), TokenUsage.NONE, null);
        }
        TokenUsage usage = TokenUsage.of(response);
        String model = response.path("model").isTextual() ? response.get("model").asText() : null;
        JsonNode choice = response.path("choices").path(0);
        JsonNode content = choice.path("message").path("content");
        if (!content.isTextual()) {
            return new Reply(null, missingContentProblem(choice), usage, model);
        }
        String assistantContent = content.asText();
        if ("length".equals(choice.path("finish_reason").asText())) {
            return new Reply(assistantContent, "the answer was cut off at max_tokens (finish_reason=length)", usage,
                    model);
        }
        return new Reply(assistantContent, null, usage, model);
    }

    private static String missingContentProblem(JsonNode choice) {
        if (choice.isMissingNode()) {
            return "response has no choices[0]";
        }
        String finishReason = choice.path("finish_reason").isTextual()
                ? " (finish_reason=" + choice.get("finish_reason").asText() + ")"
                : "";
        return "choices[0].message.content is missing or not a string" + finishReason;
    }

    /**
     * The single JSON object that {@code assistantContent} consists of, optionally inside one Markdown code fence;
     * when the content is not that, the JSON object inside the only code fence of the content, or else between the
     * content's first '{' and last '}' (prose around the answer). Trailing commas are ignored.
     *
     * @throws ContractViolation if the content is empty or holds no single JSON object in one of these ways
     */
    public JsonNode answerObject(String assistantContent) {
        String content = assistantContent.strip();
        String json = withoutFence(content);
        if (json.isEmpty()) {
            throw new ContractViolation("the answer is empty; expected one JSON object");
        }
        JsonNode answer;
        try {
            answer = readSingleJsonValue(json, true);
        } catch (NotOneJsonValue e) {
            JsonNode embedded = embeddedObject(content);
            if (embedded == null) {
                throw new ContractViolation("the answer is not a single JSON object: " + e.getMessage());
            }
            return embedded;
        }
        if (!answer.isObject()) {
            throw new ContractViolation("the answer is a JSON " + typeName(answer) + ", not a JSON object");
        }
        return answer;
    }

    /**
     * The JSON object inside the only code fence of {@code content}, or else between its first '{' and last '}';
     * null when there is none or it is not one JSON object.
     */
    private JsonNode embeddedObject(String content) {
        Matcher fence = ANY_FENCE.matcher(content);
        String candidate = null;
        if (fence.find()) {
            candidate = fence.group(1).strip();
            if (fence.find()) {
                return null;
            }
        } else {
            int start = content.indexOf('{');
            int end = content.lastIndexOf('}');
            if (start >= 0 && end > start) {
                candidate = content.substring(start, end + 1);
            }
        }
        if (candidate == null) {
            return null;
        }
        try {
            JsonNode value = readSingleJsonValue(candidate, true);
            return value.isObject() ? value : null;
        } catch (NotOneJsonValue e) {
            return null;
        }
    }

    /**
     * {@code value} as one of a contract's upper-case words: models without a schema write "fail", "Not applicable"
     * or "not-applicable" for FAIL and NOT_APPLICABLE.
     */
    public static String enumWord(String value) {
        return value.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }

    private static String withoutFence(String content) {
        Matcher fence = JSON_FENCE.matcher(content);
        return fence.matches() ? fence.group(1).strip() : content;
    }

    /**
     * Reads exactly one JSON value, rejecting duplicate keys and anything after the value.
     *
     * @param trailingCommas whether a comma before a closing bracket or brace is ignored (unambiguous: Jackson never
     *     reads it as a missing value unless ALLOW_MISSING_VALUES is on, which it is not)
     */
    @SuppressWarnings("deprecation")
    private JsonNode readSingleJsonValue(String json, boolean trailingCommas) throws NotOneJsonValue {
        try (JsonParser parser = objectMapper.getFactory().createParser(json)) {
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            if (trailingCommas) {
                parser.enable(JsonParser.Feature.ALLOW_TRAILING_COMMA);
            }
            JsonNode value = objectMapper.readTree(parser);
            if (value == null) {
                throw new NotOneJsonValue("there is no JSON value");
            }
            if (parser.nextToken() != null) {
                throw new NotOneJsonValue("unexpected text after the JSON value at character "
                        + parser.currentTokenLocation().getCharOffset());
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new NotOneJsonValue(firstLine(String.valueOf(e.getOriginalMessage())));
        } catch (IOException e) {
            throw new NotOneJsonValue(firstLine(String.valueOf(e.getMessage())));
        }
    }

    /**
     * The non-blank string {@code parent.field}.
     *
     * @param pathPrefix how the problem names {@code parent}, e.g. {@code "findings[0]."}; empty for the answer
     * @throws ContractViolation if the field is missing, null, not a string or blank
     */
    public static String requiredText(JsonNode parent, String field, String pathPrefix) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            throw new ContractViolation(pathPrefix + field + " is missing");
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new ContractViolation(pathPrefix + field + " must be a non-blank string");
        }
        return value.asText();
    }

    /**
     * @param pathPrefix how the problem names {@code object}, e.g. {@code "findings[0]."}; empty for the answer
     * @throws ContractViolation naming the first field of {@code object} that is not {@code allowed}
     */
    public static void rejectUnknownFields(JsonNode object, Set<String> allowed, String pathPrefix) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new ContractViolation("unknown field " + pathPrefix + name + "; allowed fields are "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    /** The JSON type of {@code node} for problems: "object", "array", "string", "number", ... */
    public static String typeName(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    /** The answer breaks the output contract; the message is the problem to send back to the model. */
    public static final class ContractViolation extends RuntimeException {

        public ContractViolation(String problem) {
            super(problem, null, false, false);
        }
    }

    private static final class NotOneJsonValue extends Exception {
        NotOneJsonValue(String problem) {
            super(problem, null, false, false);
        }
    }
}
