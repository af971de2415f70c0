package hub.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hub.report.model.TokenUsage;
import hub.report.model.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VerdictParserTest {

    private static final String FAIL_ANSWER = """
            {"verdict": "FAIL", "confidence": 0.9, "rationale": "Claims a cure.",
             "findings": [{"quote": "Our tea cures colds.", "message": "Health claim.", "suggestion": "Our tea is warm."},
                          {"quote": "Cures flu", "message": "Health claim.", "suggestion": null},
                          {"quote": "No side effects", "message": "Unproven."}]}""";

    private final ObjectMapper objectMapper = new ObjectMapper();
    private final VerdictParser parser = new VerdictParser(objectMapper);

    @Test
    void parsesAValidAnswerWithUsageAndModel() {
        ParsedVerdict parsed = parser.parse(response(FAIL_ANSWER));

        assertThat(parsed.valid()).isTrue();
        assertThat(parsed.problem()).isNull();
        assertThat(parsed.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(parsed.confidence()).isEqualTo(0.9);
        assertThat(parsed.rationale()).isEqualTo("Claims a cure.");
        assertThat(parsed.findings()).containsExactly(
                new QuotedFinding("Our tea cures colds.", "Health claim.", "Our tea is warm."),
                new QuotedFinding("Cures flu", "Health claim.", null),
                new QuotedFinding("No side effects", "Unproven.", null));
        assertThat(parsed.assistantContent()).isEqualTo(FAIL_ANSWER);
        assertThat(parsed.usage()).isEqualTo(new TokenUsage(1200, 85));
        assertThat(parsed.model()).isEqualTo("claude-sonnet");
    }

    @Test
    void acceptsASingleJsonFence() {
        ParsedVerdict parsed = parser.parse(response("  ```json\n" + FAIL_ANSWER + "\n```\n"));

        assertThat(parsed.valid()).isTrue();
        assertThat(parsed.findings()).hasSize(3);
    }

    @Test
    void acceptsPassWithoutConfidenceAndFindings() {
        ParsedVerdict parsed = parser.parse(response(
                "{\"verdict\":\"PASS\",\"rationale\":\"No claims.\",\"findings\":[]}"));

        assertThat(parsed.valid()).isTrue();
        assertThat(parsed.verdict()).isEqualTo(Verdict.PASS);
        assertThat(parsed.confidence()).isNull();
        assertThat(parsed.findings()).isEmpty();
    }

    @Test
    void acceptsFailWithoutFindingsAsArticleLevelIssue() {
        ParsedVerdict parsed = parser.parse(response(
                "{\"verdict\":\"FAIL\",\"confidence\":1,\"rationale\":\"Disclaimer missing.\",\"findings\":[]}"));

        assertThat(parsed.valid()).isTrue();
        assertThat(parsed.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(parsed.confidence()).isEqualTo(1.0);
    }

    @Test
    void acceptsNotApplicableAndExplicitNullConfidence() {
        ParsedVerdict parsed = parser.parse(response(
                "{\"verdict\":\"NOT_APPLICABLE\",\"confidence\":null,\"rationale\":\"Not about health.\","
                        + "\"findings\":[]}"));

        assertThat(parsed.valid()).isTrue();
        assertThat(parsed.verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(parsed.confidence()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            unknown verdict          | {"verdict":"MAYBE","rationale":"r","findings":[]}                   | verdict 'MAYBE' is not one of PASS, FAIL, WARN, NOT_APPLICABLE
            internal verdict         | {"verdict":"ERROR","rationale":"r","findings":[]}                   | verdict 'ERROR' is not one of PASS, FAIL, WARN, NOT_APPLICABLE
            missing verdict          | {"rationale":"r","findings":[]}                                     | verdict is missing
            verdict not a string     | {"verdict":1,"rationale":"r","findings":[]}                         | verdict must be a string, got 1
            confidence above 1       | {"verdict":"PASS","confidence":1.5,"rationale":"r","findings":[]}   | confidence 1.5 is not between 0 and 1
            negative confidence      | {"verdict":"PASS","confidence":-0.1,"rationale":"r","findings":[]}  | confidence -0.1 is not between 0 and 1
            confidence as string     | {"verdict":"PASS","confidence":"0.8","rationale":"r","findings":[]} | ~confidence must be a number from 0 to 1, got "0.8"~
            missing rationale        | {"verdict":"PASS","findings":[]}                                    | rationale is missing
            blank rationale          | {"verdict":"PASS","rationale":"  ","findings":[]}                   | rationale must be a non-blank string
            missing findings         | {"verdict":"PASS","rationale":"r"}                                  | findings is missing; use [] when there are none
            findings not an array    | {"verdict":"PASS","rationale":"r","findings":{}}                    | findings must be an array, got object
            finding not an object    | {"verdict":"FAIL","rationale":"r","findings":["x"]}                 | findings[0] must be an object
            finding without quote    | {"verdict":"FAIL","rationale":"r","findings":[{"message":"m"}]}     | findings[0].quote is missing
            finding with blank quote | {"verdict":"FAIL","rationale":"r","findings":[{"quote":"","message":"m"}]} | findings[0].quote must be a non-blank string
            finding without message  | {"verdict":"FAIL","rationale":"r","findings":[{"quote":"q","message":"m"},{"quote":"q"}]} | findings[1].message is missing
            suggestion not a string  | {"verdict":"FAIL","rationale":"r","findings":[{"quote":"q","message":"m","suggestion":3}]} | findings[0].suggestion must be a string or null
            unknown finding field    | {"verdict":"FAIL","rationale":"r","findings":[{"quote":"q","message":"m","offset":4}]} | unknown field findings[0].offset; allowed fields are message, quote, suggestion
            unknown top-level field  | {"verdict":"PASS","rationale":"r","findings":[],"score":3}          | unknown field score; allowed fields are confidence, findings, rationale, verdict
            array instead of object  | [{"verdict":"PASS","rationale":"r","findings":[]}]                  | the answer is a JSON array, not a JSON object
            empty answer             | ~   ~                                                               | the answer is empty; expected one JSON object
            """)
    void rejectsAnswersThatBreakTheContract(String name, String content, String problem) {
        ParsedVerdict parsed = parser.parse(response(content));

        assertThat(parsed.valid()).isFalse();
        assertThat(parsed.problem()).isEqualTo(problem);
        assertThat(parsed.verdict()).isNull();
        assertThat(parsed.findings()).isEmpty();
        assertThat(parsed.assistantContent()).isEqualTo(content);
        assertThat(parsed.usage()).isEqualTo(new TokenUsage(1200, 85));
    }

    @Test
    void acceptsProseAroundTheObjectAsModelsWithoutASchemaWriteIt() {
        ParsedVerdict before = parser.parse(response("Here is my verdict: " + FAIL_ANSWER));
        ParsedVerdict after = parser.parse(response(FAIL_ANSWER + "\nHope this helps!"));
        ParsedVerdict fencedInProse = parser.parse(response("Sure!\n```json\n" + FAIL_ANSWER + "\n```\nDone."));

        assertThat(before.valid()).isTrue();
        assertThat(before.findings()).hasSize(3);
        assertThat(after.valid()).isTrue();
        assertThat(fencedInProse.valid()).isTrue();
        assertThat(fencedInProse.assistantContent()).startsWith("Sure!");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            pass           | PASS
            Fail           | FAIL
            warn           | WARN
            not_applicable | NOT_APPLICABLE
            Not applicable | NOT_APPLICABLE
            not-applicable | NOT_APPLICABLE
            """)
    void readsVerdictsInAnyCase(String written, Verdict verdict) {
        ParsedVerdict parsed = parser.parse(response(
                "{\"verdict\":\"" + written + "\",\"rationale\":\"r\",\"findings\":[]}"));

        assertThat(parsed.valid()).isTrue();
        assertThat(parsed.verdict()).isEqualTo(verdict);
    }

    @Test
    void forgivesTrailingCommas() {
        ParsedVerdict parsed = parser.parse(response(
                "{\"verdict\":\"FAIL\",\"rationale\":\"r\",\"findings\":[{\"quote\":\"q\",\"message\":\"m\",},],}"));

        assertThat(parsed.valid()).isTrue();
        assertThat(parsed.findings()).containsExactly(new QuotedFinding("q", "m", null));
    }

    @Test
    void rejectsASecondObject() {
        ParsedVerdict parsed = parser.parse(response(FAIL_ANSWER + " {}"));

        assertThat(parsed.problem()).startsWith(
                "the answer is not a single JSON object: unexpected text after the JSON value at character");
    }

    @Test
    void rejectsASecondFence() {
        ParsedVerdict twoFences = parser.parse(response(
                "```json\n" + FAIL_ANSWER + "\n```\n```json\n" + FAIL_ANSWER + "\n```"));

        assertThat(twoFences.valid()).isFalse();
        assertThat(twoFences.problem()).startsWith("the answer is not a single JSON object");
    }

    @Test
    void rejectsDuplicateFields() {
        ParsedVerdict parsed = parser.parse(response(
                "{\"verdict\":\"FAIL\",\"verdict\":\"PASS\",\"rationale\":\"r\",\"findings\":[]}"));

        assertThat(parsed.valid()).isFalse();
        assertThat(parsed.problem()).contains("Duplicate field 'verdict'");
    }

    @Test
    void rejectsResponsesWithoutContent() {
        assertThat(parser.parse("{\"choices\":[]}").problem()).isEqualTo("response has no choices[0]");
        assertThat(parser.parse("{\"error\":{\"message\":\"overloaded\"}}").problem())
                .isEqualTo("response has no choices[0]");
        assertThat(parser.parse("{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":null},"
                + "\"finish_reason\":\"content_filter\"}]}").problem())
                .isEqualTo("choices[0].message.content is missing or not a string (finish_reason=content_filter)");
        assertThat(parser.parse("{\"choices\":[{\"message\":{\"content\":[\"x\"]}}]}").problem())
                .isEqualTo("choices[0].message.content is missing or not a string");
    }

    @Test
    void rejectsTruncatedAnswers() {
        ObjectNode response = (ObjectNode) readTree(response("{\"verdict\":\"FAIL\",\"rationale\":\"The art"));
        ((ObjectNode) response.at("/choices/0")).put("finish_reason", "length");

        ParsedVerdict parsed = parser.parse(response.toString());

        assertThat(parsed.problem()).isEqualTo("the answer was cut off at max_tokens (finish_reason=length)");
        assertThat(parsed.assistantContent()).isEqualTo("{\"verdict\":\"FAIL\",\"rationale\":\"The art");
    }

    @Test
    void rejectsBodiesThatAreNotJson() {
        assertThat(parser.parse("<html>502 Bad Gateway</html>").problem())
                .startsWith("response body is not JSON: Unexpected character ('<'");
        assertThat(parser.parse("").problem()).isEqualTo("response body is not JSON: there is no JSON value");
        assertThat(parser.parse(null).valid()).isFalse();
        assertThat(parser.parse("{\"choices\":[]} trailing").problem())
                .startsWith("response body is not JSON: Unrecognized token 'trailing'");
    }

    @Test
    void usageAndModelAreOptional() {
        String bare = "{\"choices\":[{\"message\":{\"content\":"
                + quoted("{\"verdict\":\"PASS\",\"rationale\":\"r\",\"findings\":[]}") + "}}]}";

        ParsedVerdict parsed = parser.parse(bare);

        assertThat(parsed.valid()).isTrue();
        assertThat(parsed.usage()).isEqualTo(TokenUsage.NONE);
        assertThat(parsed.model()).isNull();
    }

    private String response(String content) {
        return """
                {"id": "chatcmpl-1", "object": "chat.completion", "model": "claude-sonnet",
                 "choices": [{"index": 0, "finish_reason": "stop",
                              "message": {"role": "assistant", "content": %s}}],
                 "usage": {"prompt_tokens": 1200, "completion_tokens": 85, "total_tokens": 1285}}"""
                .formatted(quoted(content));
    }

    private String quoted(String text) {
        return objectMapper.getNodeFactory().textNode(text).toString();
    }

    private JsonNode readTree(String json) {
        try {
            return objectMapper.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
