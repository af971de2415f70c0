package hub.candidatereview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import hub.candidatereview.CandidateReview.Decision;
import hub.report.model.TokenUsage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CandidateReviewParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final CandidateReviewParser parser = new CandidateReviewParser(JSON);

    @Test
    void parsesOneDecisionPerCandidateSortedByCandidate() {
        ParsedDecisions parsed = parser.parse(response("""
                {"decisions": [
                  {"candidate": 2, "decision": "OVERRULE", "reason": "The passage denies the promise."},
                  {"candidate": 1, "decision": "CONFIRM", "reason": "It promises a return."}]}"""), 2);

        assertThat(parsed.valid()).isTrue();
        assertThat(parsed.decisions()).containsExactly(
                new Decision(0, true, "It promises a return."),
                new Decision(1, false, "The passage denies the promise."));
        assertThat(parsed.usage()).isEqualTo(new TokenUsage(300, 40));
        assertThat(parsed.model()).isEqualTo("claude-sonnet");
    }

    @Test
    void toleratesWhatModelsWriteWithoutASchema() {
        ParsedDecisions parsed = parser.parse(response("""
                Here is my review:
                ```json
                {"decisions": [{"candidate": 1, "decision": "confirm", "reason": "r"},
                               {"candidate": 2, "decision": "Overruled", "reason": "r"},]}
                ```"""), 2);

        assertThat(parsed.valid()).as(parsed.problem()).isTrue();
        assertThat(parsed.decisions()).extracting(Decision::confirmed).containsExactly(true, false);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            missing candidate     | {"decisions": [{"candidate": 1, "decision": "CONFIRM", "reason": "r"}]} | candidate 2 is not decided; decide every candidate from 1 to 2 exactly once
            none decided          | {"decisions": []}                                                      | candidates 1, 2 are not decided
            decided twice         | {"decisions": [{"candidate": 1, "decision": "CONFIRM", "reason": "r"}, {"candidate": 1, "decision": "OVERRULE", "reason": "r"}, {"candidate": 2, "decision": "CONFIRM", "reason": "r"}]} | candidate 1 is decided more than once
            unknown candidate     | {"decisions": [{"candidate": 3, "decision": "CONFIRM", "reason": "r"}]} | decisions[0].candidate 3 is not a candidate number from 1 to 2
            candidate as string   | {"decisions": [{"candidate": "1", "decision": "CONFIRM", "reason": "r"}]} | `decisions[0].candidate must be a candidate number, got "1"`
            unknown decision      | {"decisions": [{"candidate": 1, "decision": "MAYBE", "reason": "r"}]} | `decisions[0].decision must be "CONFIRM" or "OVERRULE", got "MAYBE"`
            blank reason          | {"decisions": [{"candidate": 1, "decision": "CONFIRM", "reason": " "}]} | decisions[0].reason must be a non-blank string
            unknown field         | {"decisions": [{"candidate": 1, "decision": "CONFIRM", "reason": "r", "offset": 3}]} | unknown field decisions[0].offset
            decisions missing     | {"verdict": "PASS"}                                                    | unknown field verdict
            decisions not array   | {"decisions": {}}                                                      | decisions must be an array, got object
            not json              | `I confirm both.`                                                      | the answer is not a single JSON object
            """)
    void rejectsAnswersThatDoNotCoverEveryCandidateOnce(String name, String content, String problem) {
        ParsedDecisions parsed = parser.parse(response(content), 2);

        assertThat(parsed.valid()).isFalse();
        assertThat(parsed.problem()).startsWith(problem);
        assertThat(parsed.decisions()).isEmpty();
        assertThat(parsed.assistantContent()).isEqualTo(content);
        assertThat(parsed.usage()).isEqualTo(new TokenUsage(300, 40));
    }

    @Test
    void aResponseWithoutAnswerIsAProblem() {
        assertThat(parser.parse("{\"choices\":[]}", 1).problem()).isEqualTo("response has no choices[0]");
    }

    static String response(String content) {
        try {
            return JSON.writeValueAsString(Map.of("model", "claude-sonnet",
                    "choices", List.of(Map.of("finish_reason", "stop", "message", Map.of("content", content))),
                    "usage", Map.of("prompt_tokens", 300, "completion_tokens", 40)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
