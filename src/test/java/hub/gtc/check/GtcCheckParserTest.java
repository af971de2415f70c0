package hub.gtc.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GtcCheckParserTest {

    private static final GtcPassage FEES = new GtcPassage("GTC-CARD-2024", "2024-03", 3, "4.2", "Fees",
            "A foreign transaction fee of 1.5% applies.");
    private static final GtcPassage CANCELLATION = new GtcPassage("GTC-CARD-2024", "2024-03", 7, "9.1",
            "Cancellation", "The card may be cancelled at any time with one month's notice.");
    private static final List<GtcPassage> PASSAGES = List.of(FEES, CANCELLATION);

    private static final String ANSWER = """
            {"findings": [
              {"claim": "Pay abroad with 0% fees.", "passage": "P1", "verdict": "CONTRADICTS",
               "explanation": "P1 sets a 1.5% foreign transaction fee."},
              {"claim": "Cancel whenever you like.", "passage": "P2", "verdict": "CONSISTENT",
               "explanation": "P2 allows cancellation at any time."},
              {"claim": "Travel insurance included.", "passage": null, "verdict": "NOT_COVERED",
               "explanation": "No passage mentions insurance."},
              {"claim": "Free replacement card.", "verdict": "NOT_COVERED",
               "explanation": "No passage mentions replacement cards."}]}""";

    private final ObjectMapper objectMapper = new ObjectMapper();
    private final GtcCheckParser parser = new GtcCheckParser(objectMapper);

    @Test
    void parsesAValidAnswerAndResolvesThePassages() {
        GtcCheckAnswer answer = parser.parse(response(ANSWER), PASSAGES);

        assertThat(answer.valid()).isTrue();
        assertThat(answer.problem()).isNull();
        assertThat(answer.findings()).containsExactly(
                new GtcCheckAnswer.Claim("Pay abroad with 0% fees.", FEES, "CONTRADICTS",
                        "P1 sets a 1.5% foreign transaction fee."),
                new GtcCheckAnswer.Claim("Cancel whenever you like.", CANCELLATION, "CONSISTENT",
                        "P2 allows cancellation at any time."),
                new GtcCheckAnswer.Claim("Travel insurance included.", null, "NOT_COVERED",
                        "No passage mentions insurance."),
                new GtcCheckAnswer.Claim("Free replacement card.", null, "NOT_COVERED",
                        "No passage mentions replacement cards."));
        assertThat(answer.findings().get(0).passage().page()).isEqualTo(3);
        assertThat(answer.assistantContent()).isEqualTo(ANSWER);
        assertThat(answer.promptTokens()).isEqualTo(1500);
        assertThat(answer.completionTokens()).isEqualTo(120);
    }

    @Test
    void readsVerdictsInAnyCaseAndProseAroundTheAnswer() {
        GtcCheckAnswer answer = parser.parse(response("Here is the comparison:\n"
                + "{\"findings\": [{\"claim\": \"a\", \"passage\": \"P1\", \"verdict\": \"consistent\", "
                + "\"explanation\": \"e\"}, {\"claim\": \"b\", \"passage\": null, \"verdict\": \"Not covered\", "
                + "\"explanation\": \"e\"},]}"), PASSAGES);

        assertThat(answer.valid()).as(answer.problem()).isTrue();
        assertThat(answer.findings()).extracting(GtcCheckAnswer.Claim::verdict)
                .containsExactly("CONSISTENT", "NOT_COVERED");
    }

    @Test
    void acceptsASingleJsonFence() {
        GtcCheckAnswer answer = parser.parse(response("```json\n" + ANSWER + "\n```  "), PASSAGES);

        assertThat(answer.valid()).isTrue();
        assertThat(answer.findings()).hasSize(4);
    }

    @Test
    void acceptsAnArticleWithoutContractualClaims() {
        GtcCheckAnswer answer = parser.parse(response("{\"findings\": []}"), List.of());

        assertThat(answer.valid()).isTrue();
        assertThat(answer.findings()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            unknown top-level field  | {"findings": [], "summary": "ok"}                                      | unknown field summary
            findings missing         | {}                                                                      | findings is missing
            findings not an array    | {"findings": {}}                                                        | findings must be an array, got object
            finding not an object    | {"findings": ["x"]}                                                     | findings[0] must be an object
            unknown finding field    | {"findings": [{"claim": "a", "passage": "P1", "verdict": "CONSISTENT", "explanation": "e", "page": 3}]} | unknown field findings[0].page
            blank claim              | {"findings": [{"claim": " ", "passage": "P1", "verdict": "CONSISTENT", "explanation": "e"}]} | findings[0].claim must be a non-blank string
            missing explanation      | {"findings": [{"claim": "a", "passage": "P1", "verdict": "CONSISTENT"}]} | findings[0].explanation is missing
            unknown verdict          | {"findings": [{"claim": "a", "passage": "P1", "verdict": "FAIL", "explanation": "e"}]} | is not one of CONSISTENT, CONTRADICTS, NOT_COVERED
            verdict missing          | {"findings": [{"claim": "a", "passage": "P1", "explanation": "e"}]}      | findings[0].verdict is missing
            passage missing          | {"findings": [{"claim": "a", "verdict": "CONTRADICTS", "explanation": "e"}]} | findings[0].passage is missing; a CONTRADICTS verdict must name
            null passage             | {"findings": [{"claim": "a", "passage": null, "verdict": "CONSISTENT", "explanation": "e"}]} | findings[0].passage is missing
            passage not sent         | {"findings": [{"claim": "a", "passage": "P3", "verdict": "CONSISTENT", "explanation": "e"}]} | findings[0].passage "P3" is not a passage id; passages are P1 to P2
            passage id case          | {"findings": [{"claim": "a", "passage": "p1", "verdict": "CONSISTENT", "explanation": "e"}]} | findings[0].passage "p1" is not a passage id
            passage as number        | {"findings": [{"claim": "a", "passage": 1, "verdict": "CONSISTENT", "explanation": "e"}]} | findings[0].passage 1 is not a passage id
            passage P0               | {"findings": [{"claim": "a", "passage": "P0", "verdict": "CONTRADICTS", "explanation": "e"}]} | is not a passage id
            passage for NOT_COVERED  | {"findings": [{"claim": "a", "passage": "P1", "verdict": "NOT_COVERED", "explanation": "e"}]} | findings[0].passage must be null when the verdict is NOT_COVERED
            second finding invalid   | {"findings": [{"claim": "a", "passage": "P1", "verdict": "CONSISTENT", "explanation": "e"}, {"claim": "b", "passage": "P2", "verdict": "NOPE", "explanation": "e"}]} | findings[1].verdict
            prose with two objects   | `Either {"findings": []} or {"findings": []}`                           | the answer is not a single JSON object
            text after the JSON      | {"findings": []} {"findings": []}                                       | unexpected text after the JSON value
            duplicate key            | {"findings": [], "findings": []}                                        | Duplicate field 'findings'
            array instead of object  | [{"claim": "a"}]                                                        | the answer is a JSON array, not a JSON object
            """)
    void rejectsContractViolationsWithAProblemForTheReask(String name, String content, String problem) {
        GtcCheckAnswer answer = parser.parse(response(content), PASSAGES);

        assertThat(answer.valid()).isFalse();
        assertThat(answer.problem()).contains(problem);
        assertThat(answer.findings()).isEmpty();
        assertThat(answer.assistantContent()).isEqualTo(content);
        assertThat(answer.promptTokens()).isEqualTo(1500);
    }

    @Test
    void withoutPassagesOnlyNotCoveredIsPossible() {
        GtcCheckAnswer answer = parser.parse(response("""
                {"findings": [{"claim": "a", "passage": "P1", "verdict": "CONSISTENT", "explanation": "e"}]}"""),
                null);

        assertThat(answer.valid()).isFalse();
        assertThat(answer.problem()).contains("there are no passages, so every claim is NOT_COVERED");
    }

    @Test
    void rejectsTwoFencesAndAnEmptyAnswer() {
        String twoFences = "```json\n{\"findings\": []}\n```\n```json\n{\"findings\": []}\n```";

        assertThat(parser.parse(response(twoFences), PASSAGES).valid()).isFalse();
        assertThat(parser.parse(response("  "), PASSAGES).problem()).contains("the answer is empty");
    }

    @Test
    void badResponsesNeverThrow() {
        assertThat(parser.parse(null, PASSAGES).problem()).startsWith("response body is not JSON");
        assertThat(parser.parse("<html>502</html>", PASSAGES).problem()).startsWith("response body is not JSON");
        assertThat(parser.parse("{\"choices\": []}", PASSAGES).problem()).isEqualTo("response has no choices[0]");
        assertThat(parser.parse("{\"choices\": [{\"message\": {\"content\": null}, \"finish_reason\": "
                + "\"content_filter\"}]}", PASSAGES).problem())
                .isEqualTo("choices[0].message.content is missing or not a string (finish_reason=content_filter)");
    }

    @Test
    void aCutOffAnswerIsInvalidEvenIfItParses() {
        ObjectNode response = (ObjectNode) readTree(response("{\"findings\": []}"));
        ((ObjectNode) response.at("/choices/0")).put("finish_reason", "length");

        GtcCheckAnswer answer = parser.parse(response.toString(), PASSAGES);

        assertThat(answer.valid()).isFalse();
        assertThat(answer.problem()).contains("finish_reason=length");
        assertThat(answer.completionTokens()).isEqualTo(120);
    }

    private String response(String content) {
        ObjectNode response = objectMapper.createObjectNode();
        response.put("model", "claude-sonnet");
        ObjectNode choice = response.putArray("choices").addObject();
        choice.putObject("message").put("role", "assistant").put("content", content);
        choice.put("finish_reason", "stop");
        response.putObject("usage").put("prompt_tokens", 1500).put("completion_tokens", 120);
        return response.toString();
    }

    private com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return objectMapper.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
