package hub.llm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hub.report.Verdict;
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
 * Parses a chat-completions response into a {@link ParsedVerdict}, enforcing the output contract of
 * {@link ChatRequestFactory} strictly. Bad model output never throws; it yields an invalid result whose problem can
 * be sent back to the model.
 */
@Component("llmVerdictParser")
public class VerdictParser {

    private static final Set<String> VERDICT_FIELDS = Set.of("verdict", "confidence", "rationale", "findings");
    private static final Set<String> FINDING_FIELDS = Set.of("quote", "message", "suggestion");
    private static final List<Verdict> MODEL_VERDICTS =
            List.of(Verdict.PASS, Verdict.FAIL, Verdict.WARN, Verdict.NOT_APPLICABLE);
    private static final Pattern JSON_FENCE =
            Pattern.compile("```(?:json|JSON)?[ \\t]*\\R(.*?)\\R?[ \\t]*```", Pattern.DOTALL);

    private final ObjectMapper objectMapper;

    public VerdictParser(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public ParsedVerdict parse(String chatCompletionResponseJson) {
        JsonNode response;
        try {
            response = readSingleJsonValue(chatCompletionResponseJson == null ? "" : chatCompletionResponseJson);
        } catch (NotOneJsonValue e) {
            return ParsedVerdict.invalid("response body is not JSON: " + e.getMessage(), null, TokenUsage.NONE,
                    null);
        }
        TokenUsage usage = usage(response);
        String model = response.path("model").isTextual() ? response.get("model").asText() : null;
        JsonNode choice = response.path("choices").path(0);
        JsonNode content = choice.path("message").path("content");
        if (!content.isTextual()) {
            return ParsedVerdict.invalid(missingContentProblem(choice), null, usage, model);
        }
        String assistantContent = content.asText();
        if ("length".equals(choice.path("finish_reason").asText())) {
            return ParsedVerdict.invalid("the answer was cut off at max_tokens (finish_reason=length)",
                    assistantContent, usage, model);
        }
        try {
            return parseContent(assistantContent, usage, model);
        } catch (ContractViolation violation) {
            return ParsedVerdict.invalid(violation.getMessage(), assistantContent, usage, model);
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

    private static TokenUsage usage(JsonNode response) {
        JsonNode usage = response.path("usage");
        return usage.isObject()
                ? new TokenUsage(usage.path("prompt_tokens").asInt(0), usage.path("completion_tokens").asInt(0))
                : TokenUsage.NONE;
    }

    private ParsedVerdict parseContent(String assistantContent, TokenUsage usage, String model) {
        JsonNode answer = answerObject(assistantContent);
        rejectUnknownFields(answer, VERDICT_FIELDS, "");
        return ParsedVerdict.of(
                verdict(answer.get("verdict")),
                confidence(answer.get("confidence")),
                requiredText(answer, "rationale", ""),
                findings(answer.get("findings")),
                assistantContent,
                usage,
                model);
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

    private static Verdict verdict(JsonNode verdict) {
        if (verdict == null) {
            throw new ContractViolation("verdict is missing");
        }
        if (!verdict.isTextual()) {
            throw new ContractViolation("verdict must be a string, got " + verdict);
        }
        return MODEL_VERDICTS.stream()
                .filter(candidate -> candidate.name().equals(verdict.asText()))
                .findFirst()
                .orElseThrow(() -> new ContractViolation("verdict '" + verdict.asText()
                        + "' is not one of PASS, FAIL, WARN, NOT_APPLICABLE"));
    }

    /** Confidence is optional; an explicit null counts as absent. */
    private static Double confidence(JsonNode confidence) {
        if (confidence == null || confidence.isNull()) {
            return null;
        }
        if (!confidence.isNumber()) {
            throw new ContractViolation("confidence must be a number from 0 to 1, got " + confidence);
        }
        double value = confidence.asDouble();
        if (value < 0 || value > 1) {
            throw new ContractViolation("confidence " + confidence + " is not between 0 and 1");
        }
        return value;
    }

    private static List<QuotedFinding> findings(JsonNode findings) {
        if (findings == null) {
            throw new ContractViolation("findings is missing; use [] when there are none");
        }
        if (!findings.isArray()) {
            throw new ContractViolation("findings must be an array, got " + typeName(findings));
        }
        List<QuotedFinding> result = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            result.add(finding(findings.get(i), "findings[" + i + "]"));
        }
        return result;
    }

    private static QuotedFinding finding(JsonNode finding, String path) {
        if (!finding.isObject()) {
            throw new ContractViolation(path + " must be an object");
        }
        rejectUnknownFields(finding, FINDING_FIELDS, path + ".");
        return new QuotedFinding(
                requiredText(finding, "quote", path + "."),
                requiredText(finding, "message", path + "."),
                suggestion(finding.get("suggestion"), path + ".suggestion"));
    }

    private static String suggestion(JsonNode suggestion, String path) {
        if (suggestion == null || suggestion.isNull()) {
            return null;
        }
        if (!suggestion.isTextual()) {
            throw new ContractViolation(path + " must be a string or null");
        }
        return suggestion.asText().isBlank() ? null : suggestion.asText();
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
