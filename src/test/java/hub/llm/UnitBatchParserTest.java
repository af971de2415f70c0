package hub.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import hub.llm.ParsedBatch.GuidelineAnswer;
import hub.report.model.TokenUsage;
import hub.report.model.Verdict;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class UnitBatchParserTest {

    private static final List<String> IDS = List.of("claims", "fees");
    private static final List<String> PASSAGES = List.of("Our plan is the best.", "Fees are low.", "Bye.");
    private static final String VALID = """
            {"guidelines":[
              {"id":"claims","applicable":[1],"rationale":"An unqualified superlative.",
               "violations":[{"passage":1,"verdict":"FAIL","confidence":0.8,"quote":"the best","message":"Superlative.",
                              "suggestion":"a good one"}]},
              {"id":"fees","applicable":[2],"rationale":"Fees without a reference.",
               "violations":[{"passage":2,"verdict":"WARN","quote":"Fees are low.","message":"No reference.",
                              "suggestion":null}]}]}""";

    private final ObjectMapper objectMapper = new ObjectMapper();
    private final UnitBatchParser parser = new UnitBatchParser(objectMapper);

    @Test
    void parsesAValidAnswerPerGuideline() {
        ParsedBatch parsed = parser.parse(response(VALID), IDS, PASSAGES);

        assertThat(parsed.valid()).as(parsed.problem()).isTrue();
        assertThat(parsed.usage()).isEqualTo(new TokenUsage(900, 60));
        assertThat(parsed.model()).isEqualTo("claude-sonnet");
        GuidelineAnswer claims = parsed.of("claims");
        assertThat(claims.applicable()).containsExactly(1);
        assertThat(claims.rationale()).isEqualTo("An unqualified superlative.");
        assertThat(claims.violations()).containsExactly(new ParsedBatch.Violation(1, Verdict.FAIL, 0.8,
                new QuotedFinding("the best", "Superlative.", "a good one")));
        assertThat(parsed.of("fees").violations().get(0).verdict()).isEqualTo(Verdict.WARN);
        assertThat(parsed.of("fees").violations().get(0).confidence()).isNull();
        assertThat(parsed.of("fees").violations().get(0).finding().suggestion()).isNull();
    }

    @Test
    void readsWhatModelsWriteWithoutASchema() {
        ParsedBatch parsed = parser.parse(response("Here are my verdicts:\n```json\n" + VALID
                .replace("\"FAIL\"", "\"fail\"").replace("\"WARN\"", "\"Warn\"")
                .replace("\"suggestion\":null}]}", "\"suggestion\":null},]},") + "\n```"), IDS, PASSAGES);

        assertThat(parsed.valid()).as(parsed.problem()).isTrue();
        assertThat(parsed.of("claims").violations().get(0).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(parsed.of("fees").violations().get(0).verdict()).isEqualTo(Verdict.WARN);
    }

    @Test
    void theStrictSchemasEmptyRequirementsAreAccepted() {
        ParsedBatch parsed = parser.parse(response(VALID.substring(0, VALID.length() - 1) + ",\"requirements\":[]}"),
                IDS, PASSAGES);

        assertThat(parsed.valid()).as(parsed.problem()).isTrue();
        assertThat(parsed.requirements()).isEmpty();
    }

    @Test
    void aViolationMakesItsPassageApplicableAndQuotesMatchAsTheReportLocatesThem() {
        ParsedBatch parsed = parser.parse(response("""
                {"guidelines":[{"id":"claims","applicable":[],"rationale":"r","violations":[
                  {"passage":1,"verdict":"FAIL","quote":"THE  BEST","message":"m"}]},
                 {"id":"fees","applicable":[],"rationale":"r","violations":[]}]}"""), IDS, PASSAGES);

        assertThat(parsed.valid()).as(parsed.problem()).isTrue();
        assertThat(parsed.of("claims").applicable()).containsExactly(1);
        assertThat(parsed.of("fees").applicable()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON                 | {"guidelines": [                                                       | not a single JSON object
            no guidelines array      | {"verdicts": []}                                                       | unknown field verdicts
            guidelines not an array  | {"guidelines": {}}                                                     | guidelines must be an array
            a guideline missing      | {"guidelines":[{"id":"claims","applicable":[],"rationale":"r","violations":[]}]} | guideline 'fees' is missing
            an unknown guideline     | {"guidelines":[{"id":"other","applicable":[],"rationale":"r","violations":[]}]} | 'other' is not one of the guidelines asked: claims, fees
            a guideline twice        | {"guidelines":[{"id":"claims","applicable":[],"rationale":"r","violations":[]},{"id":"claims","applicable":[],"rationale":"r","violations":[]}]} | 'claims' is answered more than once
            passage out of range     | {"guidelines":[{"id":"claims","applicable":[4],"rationale":"r","violations":[]}]} | guidelines[0].applicable[0] 4 is not a passage number from 1 to 3
            passage zero             | {"guidelines":[{"id":"claims","applicable":[],"rationale":"r","violations":[{"passage":0,"verdict":"FAIL","quote":"Bye.","message":"m"}]}]} | violations[0].passage 0 is not a passage number
            passage not a number     | {"guidelines":[{"id":"claims","applicable":["1"],"rationale":"r","violations":[]}]} | applicable[0] must be a passage number
            applicable missing       | {"guidelines":[{"id":"claims","rationale":"r","violations":[]}]}       | applicable must be an array
            violations missing       | {"guidelines":[{"id":"claims","applicable":[],"rationale":"r"}]}       | violations is missing
            rationale missing        | {"guidelines":[{"id":"claims","applicable":[],"violations":[]}]}       | guidelines[0].rationale is missing
            quote in another passage | {"guidelines":[{"id":"claims","applicable":[2],"rationale":"r","violations":[{"passage":2,"verdict":"FAIL","quote":"the best","message":"m"}]}]} | violations[0].quote is not in passage 2
            verdict PASS in a violation | {"guidelines":[{"id":"claims","applicable":[1],"rationale":"r","violations":[{"passage":1,"verdict":"PASS","quote":"best","message":"m"}]}]} | verdict must be "FAIL" or "WARN"
            confidence out of range  | {"guidelines":[{"id":"claims","applicable":[1],"rationale":"r","violations":[{"passage":1,"verdict":"FAIL","confidence":2,"quote":"best","message":"m"}]}]} | confidence 2 is not between 0 and 1
            unknown violation field  | {"guidelines":[{"id":"claims","applicable":[1],"rationale":"r","violations":[{"passage":1,"verdict":"FAIL","quote":"best","message":"m","offset":3}]}]} | unknown field guidelines[0].violations[0].offset
            """)
    void rejectsAnswersThatBreakTheContract(String name, String content, String problem) {
        ParsedBatch parsed = parser.parse(response(content), IDS, PASSAGES);

        assertThat(parsed.valid()).isFalse();
        assertThat(parsed.problem()).contains(problem);
        assertThat(parsed.guidelines()).isEmpty();
        assertThat(parsed.assistantContent()).isEqualTo(content);
        assertThat(parsed.usage()).as("the tokens of an invalid answer still count").isEqualTo(new TokenUsage(900, 60));
    }

    private static final List<String> REQUIREMENTS = List.of("warning");
    private static final String CLAIMS_ONLY = """
            "guidelines":[{"id":"claims","applicable":[],"rationale":"r","violations":[]}]""";

    @Test
    void parsesTheRequirementsAsThePassagesThatSatisfyEach() {
        ParsedBatch parsed = parser.parse(response("{" + CLAIMS_ONLY + """
                ,"requirements":[{"id":"warning","satisfiedBy":[3, 1],"rationale":"Passages 1 and 3 warn."}]}"""),
                List.of("claims"), REQUIREMENTS, PASSAGES);

        assertThat(parsed.valid()).as(parsed.problem()).isTrue();
        assertThat(parsed.requirement("warning").satisfiedBy()).containsExactlyInAnyOrder(1, 3);
        assertThat(parsed.requirement("warning").rationale()).isEqualTo("Passages 1 and 3 warn.");
        assertThat(parsed.of("claims")).isNotNull();
        assertThat(parser.parse(response("""
                {"requirements":[{"id":"warning","satisfiedBy":[],"rationale":"No warning."}]}"""),
                List.of(), REQUIREMENTS, PASSAGES).requirement("warning").satisfiedBy())
                .as("a batch of requirements only; none satisfied").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            requirements missing       | {CLAIMS}                                                                      | requirements must be an array with one entry per requirement
            a requirement missing      | {CLAIMS,"requirements":[]}                                                    | requirement 'warning' is missing
            an unknown requirement     | {CLAIMS,"requirements":[{"id":"other","satisfiedBy":[],"rationale":"r"}]}     | 'other' is not one of the requirements asked: warning
            a guideline as requirement | {CLAIMS,"requirements":[{"id":"claims","satisfiedBy":[],"rationale":"r"}]}    | 'claims' is not one of the requirements asked: warning
            a requirement as guideline | {"guidelines":[{"id":"warning","applicable":[],"rationale":"r","violations":[]}],"requirements":[]} | 'warning' is not one of the guidelines asked: claims
            a requirement twice        | {CLAIMS,"requirements":[{"id":"warning","satisfiedBy":[],"rationale":"r"},{"id":"warning","satisfiedBy":[],"rationale":"r"}]} | requirement 'warning' is answered more than once
            passage out of range       | {CLAIMS,"requirements":[{"id":"warning","satisfiedBy":[1,4],"rationale":"r"}]} | requirements[0].satisfiedBy[1] 4 is not a passage number from 1 to 3
            passage not a number       | {CLAIMS,"requirements":[{"id":"warning","satisfiedBy":["2"],"rationale":"r"}]} | satisfiedBy[0] must be a passage number
            satisfiedBy missing        | {CLAIMS,"requirements":[{"id":"warning","rationale":"r"}]}                    | requirements[0].satisfiedBy must be an array
            rationale missing          | {CLAIMS,"requirements":[{"id":"warning","satisfiedBy":[]}]}                   | requirements[0].rationale is missing
            verdict fields             | {CLAIMS,"requirements":[{"id":"warning","satisfiedBy":[],"rationale":"r","violations":[]}]} | unknown field requirements[0].violations
            requirements not asked     | {CLAIMS,"requirements":[{"id":"warning","satisfiedBy":[],"rationale":"r"}]}   | 'warning' is not one of the requirements asked: none
            """)
    void rejectsRequirementAnswersThatBreakTheContract(String name, String content, String problem) {
        String json = content.replace("CLAIMS", CLAIMS_ONLY);
        List<String> requirements = name.equals("requirements not asked") ? List.of() : REQUIREMENTS;
        ParsedBatch parsed = parser.parse(response(json), List.of("claims"), requirements, PASSAGES);

        assertThat(parsed.valid()).isFalse();
        assertThat(parsed.problem()).contains(problem);
        assertThat(parsed.requirements()).isEmpty();
    }

    @Test
    void anAnswerCutOffAtMaxTokensIsInvalid() {
        String cut = response(VALID).replace("\"stop\"", "\"length\"");

        assertThat(parser.parse(cut, IDS, PASSAGES).problem()).contains("max_tokens");
    }

    private String response(String content) {
        return """
                {"id": "chatcmpl-1", "object": "chat.completion", "model": "claude-sonnet",
                 "choices": [{"index": 0, "finish_reason": "stop",
                              "message": {"role": "assistant", "content": %s}}],
                 "usage": {"prompt_tokens": 900, "completion_tokens": 60, "total_tokens": 960}}"""
                .formatted(objectMapper.getNodeFactory().textNode(content).toString());
    }
}
