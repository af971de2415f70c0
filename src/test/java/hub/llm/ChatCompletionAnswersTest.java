package hub.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hub.llm.ChatCompletionAnswers.ContractViolation;
import hub.llm.ChatCompletionAnswers.Reply;
import hub.report.model.TokenUsage;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChatCompletionAnswersTest {

    private final ObjectMapper objectMapper = new ObjectMapper();
    private final ChatCompletionAnswers answers = new ChatCompletionAnswers(objectMapper);

    @Test
    void readsContentUsageAndModel() {
        Reply reply = answers.read(response("{\"a\":1}", "stop"));

        assertThat(reply.answered()).isTrue();
        assertThat(reply.problem()).isNull();
        assertThat(reply.content()).isEqualTo("{\"a\":1}");
        assertThat(reply.usage()).isEqualTo(new TokenUsage(300, 20));
        assertThat(reply.model()).isEqualTo("claude-sonnet");
    }

    @Test
    void aBodyThatIsNotOneJsonValueHasNoUsage() {
        Reply reply = answers.read("{} {}");

        assertThat(reply.answered()).isFalse();
        assertThat(reply.problem()).startsWith("response body is not JSON: unexpected text after the JSON value");
        assertThat(reply.content()).isNull();
        assertThat(reply.usage()).isEqualTo(TokenUsage.NONE);
        assertThat(reply.model()).isNull();
        assertThat(answers.read(null).problem()).startsWith("response body is not JSON: ");
    }

    @Test
    void missingContentAndTruncationAreProblems() {
        assertThat(answers.read("{\"choices\":[]}").problem()).isEqualTo("response has no choices[0]");
        assertThat(answers.read("{\"choices\":[{\"finish_reason\":\"content_filter\",\"message\":{}}]}").problem())
                .isEqualTo("choices[0].message.content is missing or not a string (finish_reason=content_filter)");

        Reply cutOff = answers.read(response("{\"a\":", "length"));
        assertThat(cutOff.problem()).isEqualTo("the answer was cut off at max_tokens (finish_reason=length)");
        assertThat(cutOff.content()).isEqualTo("{\"a\":");
        assertThat(cutOff.usage()).isEqualTo(new TokenUsage(300, 20));
    }

    @Test
    void answerObjectAcceptsOneObjectInOneFenceOrAmidProse() {
        assertThat(answers.answerObject(" ```json\n{\"a\":1}\n``` ").get("a").asInt()).isEqualTo(1);
        assertThat(answers.answerObject("{\"a\":1}").get("a").asInt()).isEqualTo(1);
        // What models write when no schema constrains them.
        assertThat(answers.answerObject("Here: {\"a\":1}").get("a").asInt()).isEqualTo(1);
        assertThat(answers.answerObject("{\"a\":1}\nI hope this helps.").get("a").asInt()).isEqualTo(1);
        assertThat(answers.answerObject("Here is my assessment:\n\n```json\n{\"a\":1}\n```\n\nLet me know.")
                .get("a").asInt()).isEqualTo(1);
        assertThat(answers.answerObject("```{\"a\":1}```").get("a").asInt()).isEqualTo(1);
        assertThat(answers.answerObject("```\n{\"a\":[1,2,],}\n```").get("a")).hasSize(2);

        assertProblem("  ", "the answer is empty; expected one JSON object");
        assertProblem("[1]", "the answer is a JSON array, not a JSON object");
        assertProblem("Here: [1]", "the answer is not a single JSON object: ");
        assertProblem("{\"a\":1,\"a\":2}", "the answer is not a single JSON object: Duplicate field 'a'");
        assertProblem("Here: {\"a\":1,\"a\":2}", "the answer is not a single JSON object: ");
        assertProblem("{\"a\":1}\n{\"b\":2}", "the answer is not a single JSON object: unexpected text after");
        assertProblem("Either {\"a\":1} or {\"a\":2}", "the answer is not a single JSON object: ");
        assertProblem("```json\n{\"a\":1}\n```\n```json\n{\"a\":2}\n```", "the answer is not a single JSON object");
        // Only trailing commas are forgiven: a missing value is not guessed, single quotes are not JSON.
        assertProblem("{\"a\":[1,,2]}", "the answer is not a single JSON object: ");
        assertProblem("{'a':1}", "the answer is not a single JSON object: ");
    }

    @Test
    void enumWordsAreReadInAnyCaseWithSpacesOrHyphens() {
        assertThat(ChatCompletionAnswers.enumWord(" fail ")).isEqualTo("FAIL");
        assertThat(ChatCompletionAnswers.enumWord("Not applicable")).isEqualTo("NOT_APPLICABLE");
        assertThat(ChatCompletionAnswers.enumWord("not-covered")).isEqualTo("NOT_COVERED");
    }

    @Test
    void fieldChecksNameTheFieldPath() {
        JsonNode finding = readTree("{\"quote\":\" \",\"extra\":1}");

        assertThatThrownBy(() -> ChatCompletionAnswers.requiredText(finding, "quote", "findings[0]."))
                .isInstanceOf(ContractViolation.class)
                .hasMessage("findings[0].quote must be a non-blank string");
        assertThatThrownBy(() -> ChatCompletionAnswers.requiredText(finding, "message", ""))
                .hasMessage("message is missing");
        assertThatThrownBy(() -> ChatCompletionAnswers.rejectUnknownFields(finding, Set.of("quote", "message"), "f."))
                .isInstanceOf(ContractViolation.class)
                .hasMessage("unknown field f.extra; allowed fields are message, quote");
        assertThat(ChatCompletionAnswers.typeName(finding)).isEqualTo("object");
    }

    private void assertProblem(String content, String problemStart) {
        assertThatThrownBy(() -> answers.answerObject(content))
                .isInstanceOf(ContractViolation.class)
                .hasMessageStartingWith(problemStart);
    }

    private String response(String content, String finishReason) {
        ObjectNode response = objectMapper.createObjectNode();
        response.put("model", "claude-sonnet");
        ObjectNode choice = response.putArray("choices").addObject();
        choice.putObject("message").put("role", "assistant").put("content", content);
        choice.put("finish_reason", finishReason);
        response.putObject("usage").put("prompt_tokens", 300).put("completion_tokens", 20);
        return response.toString();
    }

    private JsonNode readTree(String json) {
        try {
            return objectMapper.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
