package hub.llm;

import static hub.llm.ChatCompletionAnswers.rejectUnknownFields;
import static hub.llm.ChatCompletionAnswers.requiredText;
import static hub.llm.ChatCompletionAnswers.typeName;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hub.llm.ChatCompletionAnswers.ContractViolation;
import hub.report.model.TokenUsage;
import hub.report.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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

    /**
     * What {@link #parse} accepts, as a strict-mode schema: confidence and suggestion may be null (the parser also
     * accepts them absent, which strict mode cannot express).
     */
    public static final ResponseSchema SCHEMA = ResponseSchema.of("guideline_verdict", """
            {"type": "object",
             "properties": {
               "verdict": {"type": "string", "enum": ["PASS", "FAIL", "WARN", "NOT_APPLICABLE"]},
               "confidence": {"type": ["number", "null"]},
               "rationale": {"type": "string"},
               "findings": {"type": "array", "items": {
                 "type": "object",
                 "properties": {
                   "quote": {"type": "string"},
                   "message": {"type": "string"},
                   "suggestion": {"type": ["string", "null"]}},
                 "required": ["quote", "message", "suggestion"],
                 "additionalProperties": false}}},
             "required": ["verdict", "confidence", "rationale", "findings"],
             "additionalProperties": false}
            """);

    private final ChatCompletionAnswers answers;

    public VerdictParser(ObjectMapper objectMapper) {
        this.answers = new ChatCompletionAnswers(objectMapper);
    }

    public ParsedVerdict parse(String chatCompletionResponseJson) {
        ChatCompletionAnswers.Reply reply = answers.read(chatCompletionResponseJson);
        if (!reply.answered()) {
            return ParsedVerdict.invalid(reply.problem(), reply.content(), reply.usage(), reply.model());
        }
        try {
            return parseContent(reply.content(), reply.usage(), reply.model());
        } catch (ContractViolation violation) {
            return ParsedVerdict.invalid(violation.getMessage(), reply.content(), reply.usage(), reply.model());
        }
    }

    private ParsedVerdict parseContent(String assistantContent, TokenUsage usage, String model) {
        JsonNode answer = answers.answerObject(assistantContent);
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

    private static Verdict verdict(JsonNode verdict) {
        if (verdict == null) {
            throw new ContractViolation("verdict is missing");
        }
        if (!verdict.isTextual()) {
            throw new ContractViolation("verdict must be a string, got " + verdict);
        }
        String word = ChatCompletionAnswers.enumWord(verdict.asText());
        return MODEL_VERDICTS.stream()
                .filter(candidate -> candidate.name().equals(word))
                .findFirst()
                .orElseThrow(() -> new ContractViolation("verdict '" + verdict.asText()
                        + "' is not one of PASS, FAIL, WARN, NOT_APPLICABLE"));
    }

    /** Confidence is optional; an explicit null counts as absent. */
    static Double confidence(JsonNode confidence) {
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

    static String suggestion(JsonNode suggestion, String path) {
        if (suggestion == null || suggestion.isNull()) {
            return null;
        }
        if (!suggestion.isTextual()) {
            throw new ContractViolation(path + " must be a string or null");
        }
        return suggestion.asText().isBlank() ? null : suggestion.asText();
    }
}
