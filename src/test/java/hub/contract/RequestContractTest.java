package hub.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import hub.problem.ProblemException;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** Requests checked against openapi/compliance-hub.yaml as the build packs it (the one copy). */
class RequestContractTest {

    private static final RequestContract CONTRACT = new RequestContract(new ObjectMapper());

    @Test
    void knowsEveryOperationOfTheDocument() {
        assertThat(CONTRACT.operationIds()).contains("submit-job", "get-job-status", "accept-batch", "find-batch",
                "list-dead-letters", "get-usage", "dev-login");
    }

    @Test
    void passesAConformingSubmissionAndLeavesItsTreeForTheRoute() {
        Exchange exchange = post("submit-job", "{\"article\": {\"text\": \"Hello\", \"language\": \"en\"}}");
        CONTRACT.check(exchange);
        assertThat(exchange.getProperty(RequestContract.BODY, com.fasterxml.jackson.databind.JsonNode.class)
                .at("/article/text").asText()).isEqualTo("Hello");
    }

    @Test
    void namesTheJsonPointerOfAnUnknownFieldAWrongTypeAndAMissingField() {
        assertProblem(post("submit-job", "{\"article\": {\"text\": \"x\", \"colour\": 1}}"), 400, "invalid-request",
                "/article/colour", "Unknown field 'article.colour'");
        assertProblem(post("submit-job", "{\"article\": {\"text\": 5}}"), 400, "invalid-request",
                "/article/text", "expected string, got integer");
        assertProblem(post("submit-job", "{\"article\": {}}"), 400, "invalid-request", "/article/text",
                "article.text is required.");
        assertProblem(post("submit-job", "{\"article\": {\"text\": \"x\", \"language\": \"english!\"}}"), 400,
                "invalid-request", "/article/language", "must be a language tag");
        assertProblem(post("submit-job", "{\"article\": {\"text\": \"x\"}, \"options\": {\"gtcValidation\": \"yes\"}}"),
                400, "invalid-request", "/options/gtcValidation", "expected boolean, got string");
    }

    @Test
    void answersAFieldAboveItsMaxLengthWith413AndLeavesConfigurableLimitsToTheBean() {
        ProblemException problem = assertProblem(post("submit-job",
                "{\"article\": {\"text\": \"x\", \"title\": \"" + "t".repeat(1001) + "\"}}"), 413, "field-too-large",
                "/article/title", "article.title has 1001 characters; the limit is 1000.");
        assertThat(problem.extensions()).containsEntry("field", "article.title").containsEntry("limit", 1000)
                .containsEntry("actual", 1001);
        // article.text's maxLength states the default of hub.api.max-text-chars (x-limit-setting): SubmissionReader
        // applies the configured value, with its own 413 article-too-large.
        CONTRACT.check(post("submit-job", "{\"article\": {\"text\": \"" + "x".repeat(200_001) + "\"}}"));
    }

    @Test
    void namesTheItemOfABatchWhoseArticleBreaksTheContract() {
        ProblemException problem = assertProblem(post("accept-batch", "{\"batchId\": \"b\", \"items\": ["
                + "{\"externalRef\": \"a\", \"article\": {\"text\": \"x\"}},"
                + "{\"externalRef\": \"b\", \"article\": {\"text\": \"x\", \"titel\": \"t\"}}]}"),
                400, "invalid-request", "/items/1/article/titel", "items[1]: Unknown field 'article.titel'");
        assertThat(problem.extensions()).containsEntry("item", 1);
    }

    @Test
    void readsTheBodyStrictlyFirst() {
        Exchange wrongType = post("submit-job", "{}");
        wrongType.getIn().setHeader(Exchange.CONTENT_TYPE, "text/plain");
        assertProblem(wrongType, 415, "unsupported-media-type", null, "application/json");
        assertProblem(post("submit-job", "{\"article\": {\"text\": \"a\", \"text\": \"b\"}}"), 400, "duplicate-key",
                null, "appears twice");
        assertProblem(post("submit-job", " "), 400, "invalid-request", null, "body is empty");
    }

    @Test
    void checksTheQueryParametersTheOperationDeclares() {
        assertProblem(get("list-dead-letters", Map.of("size", "101")), 400, "invalid-request", null,
                "size must be 1 to 100.");
        assertProblem(get("list-dead-letters", Map.of("page", "-1")), 400, "invalid-parameter", null,
                "page must be a plain decimal number");
        assertProblem(get("find-batch", Map.of()), 400, "invalid-request", null,
                "The query parameter 'batchId' is required.");
        CONTRACT.check(get("find-batch", Map.of("batchId", "crm-1", "page", "0", "size", "100")));
    }

    @Test
    void refusesARouteThatServesNoOperation() {
        assertThatThrownBy(() -> CONTRACT.check(get("no-such-operation", Map.of())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no-such-operation");
    }

    private static Exchange post(String operation, String body) {
        Exchange exchange = get(operation, Map.of());
        exchange.getIn().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getIn().setBody(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return exchange;
    }

    private static Exchange get(String operation, Map<String, Object> query) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(RequestContract.OPERATION, operation);
        exchange.getIn().setHeaders(new java.util.HashMap<>(query));
        return exchange;
    }

    private static ProblemException assertProblem(Exchange exchange, int status, String type, String pointer,
                                                  String detail) {
        try {
            CONTRACT.check(exchange);
        } catch (ProblemException problem) {
            assertThat(problem.status()).isEqualTo(status);
            assertThat(problem.type()).isEqualTo(type);
            assertThat(problem.detail()).contains(detail);
            if (pointer != null) {
                assertThat(problem.extensions()).containsEntry("pointer", pointer);
            }
            return problem;
        }
        throw new AssertionError("no problem for " + exchange.getIn().getBody());
    }
}
