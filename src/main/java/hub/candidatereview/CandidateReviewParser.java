package hub.candidatereview;

import static hub.llm.ChatCompletionAnswers.rejectUnknownFields;
import static hub.llm.ChatCompletionAnswers.requiredText;
import static hub.llm.ChatCompletionAnswers.typeName;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hub.llm.ChatCompletionAnswers;
import hub.llm.ChatCompletionAnswers.ContractViolation;
import hub.llm.ResponseSchema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Parses the answer to a {@link CandidateReviewRequestFactory} request, enforcing its output contract against the
 * candidates that were asked: exactly one decision per candidate number 1..n, each CONFIRM or OVERRULE (any case) with
 * a non-blank reason, no other fields. Bad model output never throws; it yields an invalid result whose problem can be
 * sent back to the model.
 */
@Component("candidateReviewParser")
public class CandidateReviewParser {

    /** What {@link #parse} accepts, as a strict-mode schema; candidate numbers are checked against the request. */
    public static final ResponseSchema SCHEMA = ResponseSchema.of("rule_candidate_review", """
            {"type": "object",
             "properties": {
               "decisions": {"type": "array", "items": {
                 "type": "object",
                 "properties": {
                   "candidate": {"type": "integer"},
                   "decision": {"type": "string", "enum": ["CONFIRM", "OVERRULE"]},
                   "reason": {"type": "string"}},
                 "required": ["candidate", "decision", "reason"],
                 "additionalProperties": false}}},
             "required": ["decisions"],
             "additionalProperties": false}
            """);

    private static final Set<String> ANSWER_FIELDS = Set.of("decisions");
    private static final Set<String> DECISION_FIELDS = Set.of("candidate", "decision", "reason");

    private final ChatCompletionAnswers answers;

    public CandidateReviewParser(ObjectMapper objectMapper) {
        this.answers = new ChatCompletionAnswers(objectMapper);
    }

    /** @param candidateCount how many candidates the request numbered (1..candidateCount) */
    public ParsedDecisions parse(String chatCompletionResponseJson, int candidateCount) {
        ChatCompletionAnswers.Reply reply = answers.read(chatCompletionResponseJson);
        if (!reply.answered()) {
            return ParsedDecisions.invalid(reply.problem(), reply.content(), reply.usage(), reply.model());
        }
        try {
            JsonNode answer = answers.answerObject(reply.content());
            rejectUnknownFields(answer, ANSWER_FIELDS, "");
            return new ParsedDecisions(true, null, decisions(answer.get("decisions"), candidateCount),
                    reply.content(), reply.usage(), reply.model());
        } catch (ContractViolation violation) {
            return ParsedDecisions.invalid(violation.getMessage(), reply.content(), reply.usage(), reply.model());
        }
    }

    private static List<CandidateReview.Decision> decisions(JsonNode decisions, int candidateCount) {
        if (decisions == null || decisions.isNull()) {
            throw new ContractViolation("decisions is missing; give one decision per candidate");
        }
        if (!decisions.isArray()) {
            throw new ContractViolation("decisions must be an array, got " + typeName(decisions));
        }
        CandidateReview.Decision[] byCandidate = new CandidateReview.Decision[candidateCount];
        for (int i = 0; i < decisions.size(); i++) {
            String path = "decisions[" + i + "]";
            JsonNode entry = decisions.get(i);
            if (!entry.isObject()) {
                throw new ContractViolation(path + " must be an object");
            }
            rejectUnknownFields(entry, DECISION_FIELDS, path + ".");
            int number = candidate(entry.get("candidate"), path + ".candidate", candidateCount);
            if (byCandidate[number - 1] != null) {
                throw new ContractViolation("candidate " + number + " is decided more than once; decide each "
                        + "candidate exactly once");
            }
            byCandidate[number - 1] = new CandidateReview.Decision(number - 1,
                    confirmed(entry.get("decision"), path + ".decision"), requiredText(entry, "reason", path + "."));
        }
        List<Integer> missing = new ArrayList<>();
        for (int n = 1; n <= candidateCount; n++) {
            if (byCandidate[n - 1] == null) {
                missing.add(n);
            }
        }
        if (!missing.isEmpty()) {
            throw new ContractViolation("candidate" + (missing.size() == 1 ? " " : "s ")
                    + String.join(", ", missing.stream().map(String::valueOf).toList())
                    + (missing.size() == 1 ? " is" : " are") + " not decided; decide every candidate from 1 to "
                    + candidateCount + " exactly once");
        }
        List<CandidateReview.Decision> result = new ArrayList<>(List.of(byCandidate));
        result.sort(Comparator.comparingInt(CandidateReview.Decision::index));
        return result;
    }

    private static int candidate(JsonNode number, String path, int candidateCount) {
        if (number == null || !number.isIntegralNumber() || !number.canConvertToInt()) {
            throw new ContractViolation(path + " must be a candidate number, got " + number);
        }
        int n = number.asInt();
        if (n < 1 || n > candidateCount) {
            throw new ContractViolation(path + " " + n + " is not a candidate number from 1 to " + candidateCount);
        }
        return n;
    }

    private static boolean confirmed(JsonNode decision, String path) {
        String word = decision != null && decision.isTextual() ? ChatCompletionAnswers.enumWord(decision.asText()) : "";
        return switch (word) {
            case "CONFIRM", "CONFIRMED" -> true;
            case "OVERRULE", "OVERRULED" -> false;
            default -> throw new ContractViolation(path + " must be \"CONFIRM\" or \"OVERRULE\", got " + decision);
        };
    }
}
