package hub.llm;

import static hub.llm.ChatCompletionRequestAssertions.assertFirstRequestParameters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ChatCompletionRequestsTest {

    private static final ResponseSchema SCHEMA = ResponseSchema.of("answer_test", """
            {"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"],
             "additionalProperties": false}""");

    private final ObjectMapper objectMapper = new ObjectMapper();
    private final ChatCompletionRequests requests = new ChatCompletionRequests(objectMapper, "claude-test", 500, 0.0);

    @Test
    void requestCarriesTheParametersAndBothMessages() throws Exception {
        JsonNode request = objectMapper.readTree(requests.request("be strict", "judge this", SCHEMA));

        assertFirstRequestParameters(request, "claude-test", 500, SCHEMA);
        assertThat(request.at("/messages/0/content").asText()).isEqualTo("be strict");
        assertThat(request.at("/messages/1/content").asText()).isEqualTo("judge this");
        assertThat(requests.model()).isEqualTo("claude-test");
    }

    @Test
    void reaskAppendsTheInvalidAnswerAndTheProblem() throws Exception {
        String first = requests.request("be strict", "judge this", SCHEMA);

        JsonNode reask = objectMapper.readTree(requests.reask(first, "not json", "the answer is empty"));

        assertThat(reask.get("messages")).hasSize(4);
        assertThat(reask.at("/messages/2/role").asText()).isEqualTo("assistant");
        assertThat(reask.at("/messages/2/content").asText()).isEqualTo("not json");
        assertThat(reask.at("/messages/3/role").asText()).isEqualTo("user");
        assertThat(reask.at("/messages/3/content").asText())
                .startsWith("Your previous answer was invalid: the answer is empty\n")
                .contains("ONLY the JSON object");
        assertThat(objectMapper.readTree(requests.reask(first, "  ", "p")).get("messages")).hasSize(3);
    }

    @Test
    void reaskOfSomethingThatIsNotARequestIsRejected() {
        assertThatThrownBy(() -> requests.reask("not json", "x", "p"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("previous request is not JSON");
        assertThatThrownBy(() -> requests.reask("{\"messages\":{}}", "x", "p"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("previous request is not a chat-completions request with messages");
    }

    @Test
    void closingTagsInUntrustedTextAreNeutralizedWhateverTheirCaseAndSpacing() {
        Pattern closingTag = ChatCompletionRequests.closingTag("article");

        assertThat(ChatCompletionRequests.neutralizeClosingTag("a </article> b </ARTICLE > c < / Article>", closingTag))
                .isEqualTo("a <\\/article> b <\\/ARTICLE > c < \\/ Article>");
        assertThat(ChatCompletionRequests.neutralizeClosingTag("<article> </articles> </other>", closingTag))
                .isEqualTo("<article> </articles> </other>");
    }
}
