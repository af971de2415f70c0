package hub.gtc.check;

import static hub.llm.ChatCompletionAnswers.rejectUnknownFields;
import static hub.llm.ChatCompletionAnswers.requiredText;
import static hub.llm.ChatCompletionAnswers.typeName;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hub.llm.ChatCompletionAnswers;
import hub.llm.ChatCompletionAnswers.ContractViolation;
import hub.llm.ResponseSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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

    /** What {@link #parse} accepts, as a strict-mode schema; passage ids are checked against the request. */
    public static final ResponseSchema SCHEMA = ResponseSchema.of("gtc_check", """
            {"type": "object",
             "properties": {
               "findings": {"type": "array", "items": {
                 "type": "object",
                 "properties": {
                   "claim": {"type": "string"},
                   "passage": {"type": ["string", "null"]},
                   "verdict": {"type": "string", "enum": ["CONSISTENT", "CONTRADICTS", "NOT_COVERED"]},
                   "explanation": {"type": "string"}},
                 "required": ["claim", "passage", "verdict", "explanation"],
                 "additionalProperties": false}}},
             "required": ["findings"],
             "additionalProperties": false}
            """);

    private final ChatCompletionAnswers answers;

    public GtcCheckParser(ObjectMapper objectMapper) {
        this.answers = new ChatCompletionAnswers(objectMapper);
    }

    /** @param passages the passages of the request, in the same order */
    public GtcCheckAnswer parse(String chatCompletionResponseJson, List<GtcPassage> passages) {
        ChatCompletionAnswers.Reply reply = answers.read(chatCompletionResponseJson);
        int promptTokens = reply.usage().promptTokens();
        int completionTokens = reply.usage().completionTokens();
        if (!reply.answered()) {
            return GtcCheckAnswer.invalid(reply.problem(), reply.content(), promptTokens, completionTokens);
        }
        try {
            JsonNode answer = answers.answerObject(reply.content());
            rejectUnknownFields(answer, ANSWER_FIELDS, "");
            List<GtcCheckAnswer.Claim> findings = findings(answer, passages == null ? List.of() : passages);
            return GtcCheckAnswer.of(findings, reply.content(), promptTokens, completionTokens);
        } catch (ContractViolation violation) {
            return GtcCheckAnswer.invalid(violation.getMessage(), reply.content(), promptTokens, completionTokens);
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
        String word = verdict.isTextual() ? ChatCompletionAnswers.enumWord(verdict.asText()) : "";
        if (!VERDICTS.contains(word)) {
            throw new ContractViolation(path + " " + verdict + " is not one of " + String.join(", ", VERDICTS));
        }
        return word;
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
}
