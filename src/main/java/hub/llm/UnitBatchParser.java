package hub.llm;

import static hub.llm.ChatCompletionAnswers.rejectUnknownFields;
import static hub.llm.ChatCompletionAnswers.requiredText;
import static hub.llm.ChatCompletionAnswers.typeName;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hub.article.QuoteLocator;
import hub.llm.ChatCompletionAnswers.ContractViolation;
import hub.llm.ParsedBatch.GuidelineAnswer;
import hub.llm.ParsedBatch.RequirementAnswer;
import hub.llm.ParsedBatch.Violation;
import hub.report.model.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.springframework.stereotype.Component;

/**
 * Parses the answer to a batch request into a {@link ParsedBatch}, enforcing the output contract of
 * {@link UnitBatchRequestFactory} strictly against the batch that was asked: exactly the guidelines asked, each once,
 * in {@code guidelines}; exactly the requirements ({@code somewhere} guidelines) asked, each once, in
 * {@code requirements} (either array may be left out or empty when the batch asked none of its kind); passage numbers
 * within the batch; every quote found in the passage it names. A violation of a passage the answer does not list as
 * applicable counts as applicable (a violation says the guideline concerns it). Bad model output never throws; it
 * yields an invalid result whose problem can be sent back to the model.
 */
@Component("llmBatchParser")
public class UnitBatchParser {

    private static final Set<String> ANSWER_FIELDS = Set.of("guidelines", "requirements");
    private static final Set<String> GUIDELINE_FIELDS = Set.of("id", "applicable", "rationale", "violations");
    private static final Set<String> REQUIREMENT_FIELDS = Set.of("id", "satisfiedBy", "rationale");
    private static final Set<String> VIOLATION_FIELDS =
            Set.of("passage", "verdict", "confidence", "quote", "message", "suggestion");

    /**
     * What {@link #parse} accepts, as a strict-mode schema: both arrays are required (empty when the batch asked none
     * of their kind), confidence and suggestion may be null. Ids and passage numbers are checked against the batch.
     */
    public static final ResponseSchema SCHEMA = ResponseSchema.of("unit_batch", """
            {"type": "object",
             "properties": {
               "guidelines": {"type": "array", "items": {
                 "type": "object",
                 "properties": {
                   "id": {"type": "string"},
                   "applicable": {"type": "array", "items": {"type": "integer"}},
                   "rationale": {"type": "string"},
                   "violations": {"type": "array", "items": {
                     "type": "object",
                     "properties": {
                       "passage": {"type": "integer"},
                       "verdict": {"type": "string", "enum": ["FAIL", "WARN"]},
                       "confidence": {"type": ["number", "null"]},
                       "quote": {"type": "string"},
                       "message": {"type": "string"},
                       "suggestion": {"type": ["string", "null"]}},
                     "required": ["passage", "verdict", "confidence", "quote", "message", "suggestion"],
                     "additionalProperties": false}}},
                 "required": ["id", "applicable", "rationale", "violations"],
                 "additionalProperties": false}},
               "requirements": {"type": "array", "items": {
                 "type": "object",
                 "properties": {
                   "id": {"type": "string"},
                   "satisfiedBy": {"type": "array", "items": {"type": "integer"}},
                   "rationale": {"type": "string"}},
                 "required": ["id", "satisfiedBy", "rationale"],
                 "additionalProperties": false}}},
             "required": ["guidelines", "requirements"],
             "additionalProperties": false}
            """);

    private final ChatCompletionAnswers answers;

    public UnitBatchParser(ObjectMapper objectMapper) {
        this.answers = new ChatCompletionAnswers(objectMapper);
    }

    /** A batch without requirements ({@code somewhere} guidelines). */
    public ParsedBatch parse(String chatCompletionResponseJson, List<String> guidelineIds, List<String> passages) {
        return parse(chatCompletionResponseJson, guidelineIds, List.of(), passages);
    }

    /**
     * @param guidelineIds the guidelines the batch asked about (violations per passage)
     * @param requirementIds the requirements the batch asked about (the passages that satisfy each)
     * @param passages the batch's passages, numbered from 1 in this order
     */
    public ParsedBatch parse(String chatCompletionResponseJson, List<String> guidelineIds, List<String> requirementIds,
            List<String> passages) {
        ChatCompletionAnswers.Reply reply = answers.read(chatCompletionResponseJson);
        if (!reply.answered()) {
            return ParsedBatch.invalid(reply.problem(), reply.content(), reply.usage(), reply.model());
        }
        try {
            JsonNode answer = answers.answerObject(reply.content());
            rejectUnknownFields(answer, ANSWER_FIELDS, "");
            List<GuidelineAnswer> guidelines = entries(answer, "guidelines", "guideline", guidelineIds,
                    (entry, path) -> guideline(entry, path, passages));
            List<RequirementAnswer> requirements = entries(answer, "requirements", "requirement", requirementIds,
                    (entry, path) -> new RequirementAnswer(entry.get("id").asText(), new LinkedHashSet<>(
                            passageNumbers(entry.get("satisfiedBy"), path + "satisfiedBy", passages.size())),
                            requiredText(entry, "rationale", path)));
            return new ParsedBatch(true, null, guidelines, requirements, reply.content(), reply.usage(), reply.model());
        } catch (ContractViolation violation) {
            return ParsedBatch.invalid(violation.getMessage(), reply.content(), reply.usage(), reply.model());
        }
    }

    /**
     * The entries of the array {@code field}, each read by {@code read} (given the entry and its path): objects with
     * only the fields of their kind and an id among {@code ids}, each id exactly once. The array may be absent when
     * no id of its kind was asked.
     */
    private static <T> List<T> entries(JsonNode answer, String field, String kind, List<String> ids,
            BiFunction<JsonNode, String, T> read) {
        JsonNode entries = answer.get(field);
        if (entries == null && ids.isEmpty()) {
            return List.of();
        }
        if (entries == null || !entries.isArray()) {
            throw new ContractViolation(field + " must be an array with one entry per " + kind);
        }
        Set<String> fields = kind.equals("guideline") ? GUIDELINE_FIELDS : REQUIREMENT_FIELDS;
        List<T> result = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String path = field + "[" + i + "].";
            JsonNode entry = entries.get(i);
            if (!entry.isObject()) {
                throw new ContractViolation(field + "[" + i + "] must be an object");
            }
            rejectUnknownFields(entry, fields, path);
            String id = requiredText(entry, "id", path);
            if (!ids.contains(id)) {
                throw new ContractViolation(path + "id '" + id + "' is not one of the " + kind + "s asked: "
                        + (ids.isEmpty() ? "none" : String.join(", ", ids)));
            }
            if (!seen.add(id)) {
                throw new ContractViolation(kind + " '" + id + "' is answered more than once");
            }
            result.add(read.apply(entry, path));
        }
        for (String id : ids) {
            if (!seen.contains(id)) {
                throw new ContractViolation(kind + " '" + id + "' is missing; answer every " + kind + " asked");
            }
        }
        return result;
    }

    private static GuidelineAnswer guideline(JsonNode entry, String path, List<String> passages) {
        List<Violation> violations = violations(entry.get("violations"), path, passages);
        Set<Integer> applicable = new LinkedHashSet<>(passageNumbers(entry.get("applicable"), path + "applicable",
                passages.size()));
        violations.forEach(v -> applicable.add(v.passage()));
        return new GuidelineAnswer(entry.get("id").asText(), applicable, requiredText(entry, "rationale", path),
                violations);
    }

    private static List<Integer> passageNumbers(JsonNode numbers, String path, int passageCount) {
        if (numbers == null || !numbers.isArray()) {
            throw new ContractViolation(path + " must be an array of passage numbers; use [] for none");
        }
        List<Integer> result = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i++) {
            result.add(passageNumber(numbers.get(i), path + "[" + i + "]", passageCount));
        }
        return result;
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
        String word = verdict != null && verdict.isTextual() ? ChatCompletionAnswers.enumWord(verdict.asText()) : "";
        if (word.equals("FAIL") || word.equals("WARN")) {
            return Verdict.valueOf(word);
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
