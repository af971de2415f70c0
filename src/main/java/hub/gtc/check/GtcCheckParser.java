package hub.gtc.check;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Parses a chat-completions response to a {@link GtcCheckRequestFactory} request into a {@link GtcCheckAnswer},
 * enforcing the output contract strictly and resolving passage ids (P1..Pn) to the passages that were sent. Bad model
 * output never throws; it yields an invalid answer whose problem can be sent back to the model.
 */
@Component("gtcCheckParser")
public class GtcCheckParser {

    private static final Set<String> ANSWER_FIELDS = Set.of("findings");
    private static final Set<String> FINDING_FIELDS = Set.of("claim", "passage", "verdict", "explanation");
    private static final List<String> VERDICTS =
            List.of(GtcCheckAnswer.CONSISTENT, GtcCheckAnswer.CONTRADICTS, GtcCheckAnswer.NOT_COVERED);
    private static final Pattern JSON_FENCE =
            Pattern.compile("```(?:json|JSON)?[ \\t]*\\R(.*?)\\R?[ \\t]*```", Pattern.DOTALL);

    private final ObjectMapper objectMapper;

    public GtcCheckParser(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /** @param passages the passages of the request, in the same order */
    public GtcCheckAnswer parse(String chatCompletionResponseJson, List<GtcPassage> passages) {
        JsonNode response;
        try {
            response = readSingleJsonValue(chatCompletionResponseJson == null ? "" : chatCompletionResponseJson);
        } catch (NotOneJsonValue e) {
            return GtcCheckAnswer.invalid("response body is not JSON: " + e.getMessage(), null, 0, 0);
        }
        JsonNode usage = response.path("usage");
        int promptTokens = usage.path("prompt_tokens").asInt(0);
        int completionTokens = usage.path("completion_tokens").asInt(0);
        JsonNode choice = response.path("choices").path(0);
        JsonNode content = choice.path("message").path("content");
        if (!content.isTextual()) {
            return GtcCheckAnswer.invalid(missingContentProblem(choice), null, promptTokens, completionTokens);
        }
        String assistantContent = content.asText();
        if ("length".equals(choice.path("finish_reason").asText())) {
            return GtcCheckAnswer.invalid("the answer was cut off at max_tokens (finish_reason=length)",
                    assistantContent, promptTokens, completionTokens);
        }
        try {
            List<GtcCheckAnswer.Claim> findings =
                    findings(answerObject(assistantContent), passages == null ? List.of() : passages);
            return GtcCheckAnswer.of(findings, assistantContent, promptTokens, completionTokens);
        } catch (ContractViolation violation) {
            return GtcCheckAnswer.invalid(violation.getMessage(), assistantContent, promptTokens, completionTokens);
        }
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

    private JsonNode answerObject(String assistantContent) {
        String json = withoutFence(assistantContent.strip());
        if (json.isEmpty()) {
            throw new ContractViolation("the answer is empty; expected one JSON object");
        }
        JsonNode answer;
        try {
            answer = readSingleJsonValue(json);
        } catch (NotOneJsonValue e) {
            throw new ContractViolation("the answer is not a single JSON object: " + e.getMessage());
        }
        if (!answer.isObject()) {
            throw new ContractViolation("the answer is a JSON " + typeName(answer) + ", not a JSON object");
        }
        rejectUnknownFields(answer, ANSWER_FIELDS, "");
        return answer;
    }

    private static String withoutFence(String content) {
        Matcher fence = JSON_FENCE.matcher(content);
        return fence.matches() ? fence.group(1).strip() : content;
    }

    /** Reads exactly one JSON value, rejecting duplicate keys and anything after the value. */
    private JsonNode readSingleJsonValue(String json) throws NotOneJsonValue {
        try (JsonParser parser = objectMapper.getFactory().createParser(json)) {
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
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

    private static List<GtcCheckAnswer.Claim> findings(JsonNode answer, List<GtcPassage> passages) {
        JsonNode findings = answer.get("findings");
        if (findings == null || findings.isNull()) {
            throw new ContractViolation("findings is missing; use [] when the article makes no contractual claim");
        }
        if (!findings.isArray()) {
            throw new ContractViolation("findings must be an array, got " + typeName(findings));
        }
        List<GtcCheckAnswer.Claim> result = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            result.add(finding(findings.get(i), "findings[" + i + "]", passages));
        }
        return result;
    }

    private static GtcCheckAnswer.Claim finding(JsonNode finding, String path, List<GtcPassage> passages) {
        if (!finding.isObject()) {
            throw new ContractViolation(path + " must be an object");
        }
        rejectUnknownFields(finding, FINDING_FIELDS, path + ".");
        String quote = requiredText(finding, "claim", path + ".");
        String verdict = verdict(finding.get("verdict"), path + ".verdict");
        GtcPassage passage = passage(finding.get("passage"), verdict, path + ".passage", passages);
        return new GtcCheckAnswer.Claim(quote, passage, verdict, requiredText(finding, "explanation", path + "."));
    }

    private static String verdict(JsonNode verdict, String path) {
        if (verdict == null || verdict.isNull()) {
            throw new ContractViolation(path + " is missing");
        }
        if (!verdict.isTextual() || !VERDICTS.contains(verdict.asText())) {
            throw new ContractViolation(path + " " + verdict + " is not one of " + String.join(", ", VERDICTS));
        }
        return verdict.asText();
    }

    /** Null for NOT_COVERED; otherwise one of the ids that were sent. */
    private static GtcPassage passage(JsonNode id, String verdict, String path, List<GtcPassage> passages) {
        boolean absent = id == null || id.isNull();
        if (GtcCheckAnswer.NOT_COVERED.equals(verdict)) {
            if (!absent) {
                throw new ContractViolation(path + " must be null when the verdict is NOT_COVERED, got " + id);
            }
            return null;
        }
        if (absent) {
            throw new ContractViolation(path + " is missing; a " + verdict + " verdict must name the passage it "
                    + "rests on");
        }
        for (int i = 0; id.isTextual() && i < passages.size(); i++) {
            if (GtcCheckRequestFactory.passageId(i).equals(id.asText())) {
                return passages.get(i);
            }
        }
        throw new ContractViolation(path + " " + id + " is not a passage id; " + validIds(passages.size()));
    }

    private static String validIds(int count) {
        return switch (count) {
            case 0 -> "there are no passages, so every claim is NOT_COVERED";
            case 1 -> "the only passage is P1";
            default -> "passages are P1 to P" + count;
        };
    }

    private static String requiredText(JsonNode parent, String field, String pathPrefix) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            throw new ContractViolation(pathPrefix + field + " is missing");
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new ContractViolation(pathPrefix + field + " must be a non-blank string");
        }
        return value.asText();
    }

    private static void rejectUnknownFields(JsonNode object, Set<String> allowed, String pathPrefix) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new ContractViolation("unknown field " + pathPrefix + name + "; allowed fields are "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    private static String typeName(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    private static final class ContractViolation extends RuntimeException {
        ContractViolation(String problem) {
            super(problem, null, false, false);
        }
    }

    private static final class NotOneJsonValue extends Exception {
        NotOneJsonValue(String problem) {
            super(problem, null, false, false);
        }
    }
}
