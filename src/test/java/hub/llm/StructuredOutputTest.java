package hub.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hub.llm.StructuredOutput.Mode;
import hub.llm.StructuredOutput.Support;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class StructuredOutputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String URL = "http://127.0.0.1:1/v1/chat/completions";
    private static final String REFUSAL = """
            {"error":{"message":"Unrecognized request argument supplied: response_format.json_schema",\
            "type":"invalid_request_error"}}""";

    private final String request = new ChatCompletionRequests(JSON, "m", 100, 0)
            .request("system: answer in JSON", "user", VerdictParser.SCHEMA);

    @Test
    void modesAreReadFromTheSetting() {
        assertThat(Mode.of("auto")).isEqualTo(Mode.AUTO);
        assertThat(Mode.of(" json-schema ")).isEqualTo(Mode.JSON_SCHEMA);
        assertThat(Mode.of("JSON-OBJECT")).isEqualTo(Mode.JSON_OBJECT);
        assertThat(Mode.of("none")).isEqualTo(Mode.NONE);
        assertThatThrownBy(() -> Mode.of("json")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("auto, json-schema, json-object or none");
    }

    @Test
    void eachModeSendsItsResponseFormatAndLeavesTheRestAlone() throws Exception {
        JsonNode original = JSON.readTree(request);

        JsonNode schema = JSON.readTree(output("json-schema").adapt(exchange(request)));
        JsonNode object = JSON.readTree(output("json-object").adapt(exchange(request)));
        JsonNode none = JSON.readTree(output("none").adapt(exchange(request)));
        JsonNode auto = JSON.readTree(output("auto").adapt(exchange(request)));

        assertThat(schema).isEqualTo(original);
        assertThat(auto).isEqualTo(original);
        assertThat(schema.at("/response_format/json_schema/strict").asBoolean()).isTrue();
        assertThat(object.get("response_format")).isEqualTo(JSON.readTree("{\"type\":\"json_object\"}"));
        assertThat(none.has("response_format")).isFalse();
        assertThat(object.get("messages")).isEqualTo(original.get("messages"));
        assertThat(none.get("messages")).isEqualTo(original.get("messages"));
    }

    @Test
    void autoFallsBackToJsonObjectOnARefusalAndRemembersItForTheEndpoint() throws Exception {
        StructuredOutput output = output("auto");
        Exchange first = exchange(request);
        first.setProperty("llmRequestBody", output.adapt(first));
        answered(first, 400, REFUSAL, "FAIL");
        first.setProperty("llmAttempt", 1);

        assertThat(output.learn(first)).isEqualTo(StructuredOutput.FALL_BACK);
        assertThat(JSON.readTree(first.getProperty("llmRequestBody", String.class)).at("/response_format/type")
                .asText()).isEqualTo("json_object");
        assertThat(first.getProperty("llmAttempt", Integer.class)).as("the fallback gets the full budget").isZero();
        assertThat(output.support(URL)).isEqualTo(Support.JSON_OBJECT_ONLY);

        Exchange later = exchange(request);
        assertThat(JSON.readTree(output.adapt(later)).at("/response_format/type").asText()).isEqualTo("json_object");
        later.setProperty("llmRequestBody", output.adapt(later));
        answered(later, 200, "{}", "OK");
        assertThat(output.learn(later)).isEqualTo("OK");
    }

    @Test
    void onlyA400NamingTheFormatOrTheSchemaIsARefusal() {
        assertThat(StructuredOutput.refusesSchema(400, REFUSAL)).isTrue();
        assertThat(StructuredOutput.refusesSchema(400, "{\"error\":\"invalid JSON schema: strict\"}")).isTrue();
        assertThat(StructuredOutput.refusesSchema(400, "{\"error\":\"response_format type unavailable\"}")).isTrue();
        assertThat(StructuredOutput.refusesSchema(400, "{\"error\":\"max_tokens is too large\"}")).isFalse();
        assertThat(StructuredOutput.refusesSchema(500, REFUSAL)).isFalse();
        assertThat(StructuredOutput.refusesSchema(422, REFUSAL)).isFalse();
    }

    @Test
    void otherFailuresAndOtherModesKeepTheirOutcome() {
        StructuredOutput auto = output("auto");
        Exchange tooLong = exchange(request);
        tooLong.setProperty("llmRequestBody", auto.adapt(tooLong));
        answered(tooLong, 400, "{\"error\":\"context length exceeded\"}", "FAIL");
        assertThat(auto.learn(tooLong)).isEqualTo("FAIL");
        assertThat(auto.support(URL)).isEqualTo(Support.UNKNOWN);

        StructuredOutput strict = output("json-schema");
        Exchange refused = exchange(request);
        refused.setProperty("llmRequestBody", strict.adapt(refused));
        answered(refused, 400, REFUSAL, "FAIL");
        assertThat(strict.learn(refused)).as("json-schema never falls back").isEqualTo("FAIL");
    }

    @Test
    void anAcceptedSchemaIsRemembered() {
        StructuredOutput output = output("auto");
        Exchange exchange = exchange(request);
        exchange.setProperty("llmRequestBody", output.adapt(exchange));
        answered(exchange, 200, "{}", "OK");

        assertThat(output.learn(exchange)).isEqualTo("OK");
        assertThat(output.support(URL)).isEqualTo(Support.SCHEMA);
    }

    @Test
    void whileTheFirstCallProbesTheEndpointTheOthersWaitForItsAnswer() throws Exception {
        StructuredOutput output = output("auto");
        Exchange probe = exchange(request);
        probe.setProperty("llmRequestBody", output.adapt(probe));

        CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> output.adapt(exchange(request)));
        Thread.sleep(200);
        assertThat(waiting).as("a second call waits while the first one probes").isNotDone();

        answered(probe, 400, REFUSAL, "FAIL");
        assertThat(output.learn(probe)).isEqualTo(StructuredOutput.FALL_BACK);

        assertThat(JSON.readTree(waiting.get(5, TimeUnit.SECONDS)).at("/response_format/type").asText())
                .as("and then asks for json_object without paying for a refusal").isEqualTo("json_object");
    }

    @Test
    void aProbeThatTeachesNothingReleasesTheWaitingCalls() throws Exception {
        StructuredOutput output = output("auto");
        Exchange probe = exchange(request);
        probe.setProperty("llmRequestBody", output.adapt(probe));
        CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> output.adapt(exchange(request)));
        Thread.sleep(200);

        answered(probe, 503, "overloaded", "RETRY");
        assertThat(output.learn(probe)).isEqualTo("RETRY");

        assertThat(JSON.readTree(waiting.get(5, TimeUnit.SECONDS)).at("/response_format/type").asText())
                .isEqualTo("json_schema");
    }

    private static StructuredOutput output(String mode) {
        return new StructuredOutput(JSON, mode, URL, 30_000, 10_000);
    }

    private static Exchange exchange(String body) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getIn().setBody(body);
        return exchange;
    }

    private static void answered(Exchange exchange, int status, String body, String outcome) {
        exchange.getIn().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getIn().setBody(body);
        exchange.setProperty("llmOutcome", outcome);
    }
}
