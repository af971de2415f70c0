package hub.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** Assertions on chat-completions request bodies, shared by the tests of the request factories. */
public final class ChatCompletionRequestAssertions {

    private ChatCompletionRequestAssertions() {
    }

    /**
     * Asserts the parameters of a first request made with temperature 0: model, max_tokens, a strict json_schema
     * response format with {@code schema}, and exactly a system and a user message.
     */
    public static void assertFirstRequestParameters(JsonNode request, String model, int maxTokens,
            ResponseSchema schema) {
        assertThat(request.get("model").asText()).isEqualTo(model);
        assertThat(request.get("max_tokens").asInt()).isEqualTo(maxTokens);
        assertThat(request.get("temperature").asDouble()).isZero();
        assertThat(request.at("/response_format/type").asText()).isEqualTo("json_schema");
        assertThat(request.at("/response_format/json_schema/name").asText()).isEqualTo(schema.name());
        assertThat(request.at("/response_format/json_schema/strict").asBoolean()).isTrue();
        assertThat(request.at("/response_format/json_schema/schema")).isEqualTo(schema.schema());
        assertThat(request.get("messages")).hasSize(2);
        assertThat(request.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(request.at("/messages/1/role").asText()).isEqualTo("user");
    }
}
