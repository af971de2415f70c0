package hub.llm;

import static hub.llm.ChatCompletionAnswers.rejectUnknownFields;
import static hub.llm.ChatCompletionAnswers.requiredText;
import static hub.llm.ChatCompletionAnswers.typeName;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hub.article.QuoteLocator;
import hub.llm.ChatCompletionAnswers.ContractViolation;
import hub.llm.ParsedBatch.GuidelineAnswer;
import hub.llm.ParsedBatch.Violation;
import hub.report.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Parses the answer to a batch request into a {@link ParsedBatch}, enforcing the output contract of
 * {@link UnitBatchRequestFactory} strictly against the batch that was asked: exactly the guidelines asked, each once;
 * passage numbers within the batch; every quote found in the passage it names. A violation of a passage the answer
 * does not list as applicable counts as applicable (a violation says the guideline concerns it). Bad model output
 * never throws; it yields an invalid result whose problem can be sent back to the model.
 */
@Component("llmBatchParser")
public class UnitBatchParser {

    private static final Set<String> ANSWER_FIELDS = Set.of("guidelines");
    private static final Set<String> GUIDELINE_FIELDS = Set.of("id", "applicable", "rationale", "violations");
    private static final Set<String> VIOLATION_FIELDS =
            Set.of("passage", "verdict", "confidence", "quote", "message", "suggestion");

    private final ChatCompletionAnswers answers;

    public UnitBatchParser(ObjectMapper objectMapper) {
        this.answers = new ChatCompletionAnswers(objectMapper);
    }

    /**
     * @param guidelineIds the guidelines the batch asked about
     * @param passages the batch's passages, numbered from 1 in this order
     */
    public ParsedBatch parse(String chatCompletionResponseJson, List<String> guidelineIds, List<String> passages) {
        ChatCompletionAnswers.Reply reply = answers.read(chatCompletionResponseJson);
        if (!reply.answered()) {
            return ParsedBatch.invalid(reply.problem(), reply.content(), reply.usage(), reply.model());
        }
        try {
            List<GuidelineAnswer> guidelines = guidelines(answers.answerObject(reply.content()), guidelineIds, passages);
            return new ParsedBatch(true, null, guidelines, reply.content(), reply.usage(), reply.model());
        } catch (ContractViolation violation) {
            return ParsedBatch.invalid(violation.getMessage(), reply.content(), reply.usage(), reply.model());
        }
    }

    private static List<GuidelineAnswer> guidelines(JsonNode answer, List<String> ids, List<String> passages) {
        rejectUnknownFields(answer, ANSWER_FIELDS, "");
        JsonNode entries = answer.get("guidelines");
        if (entries == null || !entries.isArray()) {
            throw new ContractViolation("guidelines must be an array with one entry per guideline");
        }
        List<GuidelineAnswer> result = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String path = "guidelines[" + i + "].";
            JsonNode entry = entries.get(i);
            if (!entry.isObject()) {
                throw new ContractViolation("guidelines[" + i + "] must be an object");
            }
            rejectUnknownFields(entry, GUIDELINE_FIELDS, path);
            String id = requiredText(entry, "id", path);
            if (!ids.contains(id)) {
                throw new ContractViolation(path + "id '" + id + "' is not one of the guidelines asked: "
                        + String.join(", ", ids));
            }
            if (!seen.add(id)) {
                throw new ContractViolation("guideline '" + id + "' is answered more than once");
            }
            List<Violation> violations = violations(entry.get("violations"), path, passages);
            Set<Integer> applicable = new LinkedHashSet<>(applicable(entry.get("applicable"), path, passages.size()));
            violations.forEach(v -> applicable.add(v.passage()));
            result.add(new GuidelineAnswer(id, applicable, requiredText(entry, "rationale", path), violations));
        }
        for (String id : ids) {
            if (!seen.contains(id)) {
                throw new ContractViolation("guideline '" + id + "' is missing; answer every guideline asked");
            }
        }
        return result;
    }

    private static List<Integer> applicable(JsonNode applicable, String path, int passageCount) {
        if (applicable == null || !applicable.isArray()) {
            throw new ContractViolation(path + "applicable must be an array of passage numbers; use [] for none");
        }
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < applicable.size(); i++) {
            numbers.add(passageNumber(applicable.get(i), path + "applicable[" + i + "]", passageCount));
        }
        return numbers;
    }

    private static List<Violation> violations(JsonNode violations, String path, List<String> passages) {
        if (violations == null) {
            throw new ContractViolation(path + "violations is missing; use [] when there are none");
        }
        if (!violations.isArray()) {
            throw new ContractViolation(path + "violations must be an array, got " + typeName(violations));
        }
        List<Violation> result = new ArrayList<>();
        for (int i = 0; i < violations.size(); i++) {
            result.add(violation(violations.get(i), path + "violations[" + i + "]", passages));
        }
        return result;
    }

    private static Violation violation(JsonNode v, String path, List<String> passages) {
        if (!v.isObject()) {
            throw new ContractViolation(path + " must be an object");
        }
        rejectUnknownFields(v, VIOLATION_FIELDS, path + ".");
        int passage = passageNumber(v.get("passage"), path + ".passage", passages.size());
        String quote = requiredText(v, "quote", path + ".");
        if (QuoteLocator.find(passages.get(passage - 1), quote, 0).isEmpty()) {
            throw new ContractViolation(path + ".quote is not in passage " + passage
                    + "; copy it verbatim from that passage");
        }
        return new Violation(passage, verdict(v.get("verdict"), path), VerdictParser.confidence(v.get("confidence")),
                new QuotedFinding(quote, requiredText(v, "message", path + "."),
                        VerdictParser.suggestion(v.get("suggestion"), path + ".suggestion")));
    }

    private static Verdict verdict(JsonNode verdict, String path) {
        if (verdict != null && verdict.isTextual()
                && (verdict.asText().equals("FAIL") || verdict.asText().equals("WARN"))) {
            return Verdict.valueOf(verdict.asText());
        }
        throw new ContractViolation(path + ".verdict must be \"FAIL\" or \"WARN\", got " + verdict);
    }

    private static int passageNumber(JsonNode number, String path, int passageCount) {
        if (number == null || !number.canConvertToInt() || !number.isIntegralNumber()) {
            throw new ContractViolation(path + " must be a passage number, got " + number);
        }
        int n = number.asInt();
        if (n < 1 || n > passageCount) {
            throw new ContractViolation(path + " " + n + " is not a passage number from 1 to " + passageCount);
        }
        return n;
    }
}
