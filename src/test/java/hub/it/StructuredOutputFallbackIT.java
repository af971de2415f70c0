package hub.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static hub.it.HubClient.guideline;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A gateway that refuses {@code response_format: json_schema} with HTTP 400 (as older Ollama, some vLLM builds and
 * some Azure API versions do): the job completes on json_object, and only the first call pays for the refusal, even
 * though the job's three LLM guidelines are judged at once. Its own context, so that no other test has taught the hub
 * about the endpoint before.
 */
@DirtiesContext
@TestPropertySource(properties = "hub.llm.structured-output=auto")
class StructuredOutputFallbackIT extends LocalServicesIT {

    private static final String REFUSAL = """
            {"object": "error", "message": "response_format.type must be one of 'text' or 'json_object'", \
            "type": "BadRequestError", "code": 400}""";

    @Test
    void aGatewayThatRefusesJsonSchemaGetsJsonObjectAndTheJobCompletes() {
        llm.stubFor(LlmStub.anyChat().atPriority(1)
                .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_schema")))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody(REFUSAL)));

        JsonNode report = hub.awaitReport(hub.submit(submission("it-llm", "An article without promises.")));

        for (String id : new String[] {"rule-no-guarantees", "llm-balance", "llm-fees"}) {
            JsonNode g = guideline(report, id);
            assertThat(g.path("verdict").asText()).as(id).isEqualTo("PASS");
            assertThat(g.path("evaluatedBy").asText()).as(id).isEqualTo("llm");
        }
        assertThat(report.path("partial").asBoolean()).isFalse();
        assertThat(withFormat("json_schema")).as("exactly one call was refused").hasSize(1);
        assertThat(withFormat("json_object")).as("every guideline was judged on json_object").hasSize(3);

        llm.resetRequests();
        JsonNode second = hub.awaitReport(hub.submit(submission("it-llm", "Another article without promises.")));

        assertThat(second.path("partial").asBoolean()).isFalse();
        assertThat(withFormat("json_schema")).as("the refusal is remembered for the endpoint").isEmpty();
        assertThat(withFormat("json_object")).hasSize(3);
    }

    private List<LoggedRequest> withFormat(String type) {
        return llm.findAll(postRequestedFor(urlEqualTo(LlmStub.PATH))
                .withRequestBody(matchingJsonPath("$.response_format.type", equalTo(type))));
    }
}
