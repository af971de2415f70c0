package hub.candidatereview;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import hub.article.ArticleFormat;
import hub.article.PlainText;
import hub.candidatereview.CandidateReview.Decision;
import hub.llm.LlmCallOutcome;
import hub.llm.LlmMetrics;
import hub.llm.RetryPolicy;
import hub.llm.StructuredOutput;
import hub.report.model.Finding;
import hub.guideline.GuidelineTask;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.Resilience4jConfigurationDefinition;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The review-rule-candidates route with llm-chat, both as shipped, in a plain Camel context against a fake
 * chat-completions gateway on loopback (WireMock): the decisions, one re-ask on an invalid answer, an answer invalid
 * twice, an unreachable model, no candidates, and a gateway that refuses json_schema.
 */
class CandidateReviewRouteTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/v1/chat/completions";
    private static final String SOURCE = "We never promise guaranteed returns. Our fund offers guaranteed returns.";
    private static final String VALID = """
            {"decisions": [{"candidate": 1, "decision": "OVERRULE", "reason": "The sentence denies the promise."},
                           {"candidate": 2, "decision": "CONFIRM", "reason": "It promises a return."}]}""";

    private WireMockServer gateway;
    private CamelContext camel;
    private ProducerTemplate producer;

    @BeforeEach
    void start() throws Exception {
        gateway = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        gateway.start();
        startCamel("auto", "http://127.0.0.1:" + gateway.port() + PATH);
    }

    private void startCamel(String structuredOutput, String url) throws Exception {
        DefaultCamelContext context = new DefaultCamelContext();
        Properties properties = new Properties();
        properties.setProperty("hub.llm.url", url);
        properties.setProperty("hub.llm.auth-header", "Authorization");
        properties.setProperty("hub.llm.auth-prefix", "Bearer ");
        properties.setProperty("hub.llm.api-key", "test-key");
        context.getPropertiesComponent().setInitialProperties(properties);
        Resilience4jConfigurationDefinition llm = new Resilience4jConfigurationDefinition();
        llm.setMinimumNumberOfCalls("100");
        context.addResilience4jConfiguration("llm", llm);
        RetryPolicy retries = new RetryPolicy(2, 1, 1, Clock.systemUTC(), () -> 0.0);
        LlmMetrics metrics = new LlmMetrics(new SimpleMeterRegistry(), JSON, "claude");
        context.getRegistry().bind("llmMetrics", metrics);
        context.getRegistry().bind("llmCallOutcome", new LlmCallOutcome(retries, metrics));
        context.getRegistry().bind("llmFailureCause", new hub.llm.LlmFailureCause());
        context.getRegistry().bind("structuredOutput", new StructuredOutput(JSON, structuredOutput, url, 2000, 1000));
        context.getRegistry().bind("candidateReview", new CandidateReviewer(
                new CandidateReviewRequestFactory(JSON, "claude", 800, 0), new CandidateReviewParser(JSON)));
        for (String route : List.of("llm-chat", "review-rule-candidates")) {
            PluginHelper.getRoutesLoader(context).loadRoutes(
                    ResourceHelper.resolveMandatoryResource(context, "file:" + routes.RouteFiles.find(route)));
        }
        context.start();
        camel = context;
        producer = context.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        camel.stop();
        gateway.stop();
    }

    @Test
    void theModelConfirmsOrOverrulesEachCandidate() throws Exception {
        gateway.stubFor(post(urlEqualTo(PATH)).willReturn(completion(VALID)));

        CandidateReview review = review(candidates());

        assertThat(review.valid()).isTrue();
        assertThat(review.problem()).isNull();
        assertThat(review.decisions()).containsExactly(
                new Decision(0, false, "The sentence denies the promise."),
                new Decision(1, true, "It promises a return."));
        assertThat(review.call().calls()).isEqualTo(1);
        assertThat(review.call().promptTokens()).isEqualTo(300);
        assertThat(review.call().model()).isEqualTo("claude-test");
        gateway.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer test-key"))
                .withRequestBody(matchingJsonPath("$.response_format.json_schema.name", equalTo("rule_candidate_review")))
                .withRequestBody(containing("We never promise ⟦guaranteed⟧ returns.")));
    }

    @Test
    void anInvalidAnswerIsAskedAgainOnce() throws Exception {
        gateway.stubFor(post(urlEqualTo(PATH)).atPriority(5).willReturn(completion("""
                {"decisions": [{"candidate": 1, "decision": "OVERRULE", "reason": "r"}]}""")));
        gateway.stubFor(post(urlEqualTo(PATH)).atPriority(1)
                .withRequestBody(containing("Your previous answer was invalid: candidate 2 is not decided"))
                .willReturn(completion(VALID)));

        CandidateReview review = review(candidates());

        assertThat(review.valid()).isTrue();
        assertThat(review.decisions()).hasSize(2);
        assertThat(review.call().calls()).isEqualTo(2);
        assertThat(review.call().promptTokens()).isEqualTo(600);
    }

    @Test
    void anAnswerInvalidTwiceLeavesNoDecisions() throws Exception {
        gateway.stubFor(post(urlEqualTo(PATH)).willReturn(completion("{\"decisions\": []}")));

        CandidateReview review = review(candidates());

        assertThat(review.valid()).isFalse();
        assertThat(review.decisions()).isEmpty();
        assertThat(review.problem()).isEqualTo(
                "The model's answer was invalid twice: candidates 1, 2 are not decided; decide every candidate from "
                        + "1 to 2 exactly once");
        assertThat(review.call().calls()).isEqualTo(2);
        gateway.verify(2, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void anUnreachableModelLeavesNoDecisionsAndTheReason() throws Exception {
        gateway.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503)));

        CandidateReview review = review(candidates());

        assertThat(review.valid()).isFalse();
        assertThat(review.decisions()).isEmpty();
        assertThat(review.call()).isNull();
        assertThat(review.problem()).startsWith("LLM unavailable: LlmCallException: LLM call failed with HTTP 503");
    }

    @Test
    void aModelNobodyListensForIsNamedConnectionRefusedNotHttp503() throws Exception {
        int closedPort = gateway.port();
        gateway.stop();
        camel.stop();
        startCamel("auto", "http://127.0.0.1:" + closedPort + PATH);

        CandidateReview review = review(candidates());

        assertThat(review.valid()).isFalse();
        assertThat(review.problem()).contains("LLM endpoint unreachable after 2 attempt(s): connection refused")
                .doesNotContain("HTTP 503");
    }

    @Test
    void noCandidatesNoCall() throws Exception {
        CandidateReview review = review(List.of());

        assertThat(review).isEqualTo(new CandidateReview(List.of(), null, true, null));
        gateway.verify(0, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void aGatewayThatRefusesJsonSchemaIsAskedWithJsonObjectFromThenOn() throws Exception {
        gateway.stubFor(post(urlEqualTo(PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_schema")))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                        {"error": {"message": "response_format json_schema is not supported", "code": 400}}""")));
        gateway.stubFor(post(urlEqualTo(PATH)).atPriority(5).willReturn(completion(VALID)));

        CandidateReview first = review(candidates());
        CandidateReview second = review(candidates());

        assertThat(first.valid()).isTrue();
        assertThat(second.valid()).isTrue();
        gateway.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_schema"))));
        gateway.verify(2, postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_object"))));
    }

    private CandidateReview review(List<Finding> candidates) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.setProperty("task", new GuidelineTask(CandidateReviewRequestFactoryTest.PROMISES,
                PlainText.of(SOURCE, ArticleFormat.PLAIN), "Savings", "en"));
        exchange.setProperty("ruleCandidates", candidates);
        exchange.setProperty("correlationId", "test");
        Exchange done = producer.send("direct:review-rule-candidates", exchange);
        assertThat(done.getException()).isNull();
        return done.getMessage().getBody(CandidateReview.class);
    }

    private static List<Finding> candidates() {
        int first = SOURCE.indexOf("guaranteed");
        int second = SOURCE.indexOf("guaranteed", first + 1);
        return List.of(new Finding("forbidden-term", "Promises a guaranteed return.", "guaranteed", first, 10, null),
                new Finding("forbidden-term", "Promises a guaranteed return.", "guaranteed", second, 10, null));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder completion(String content)
            throws Exception {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(JSON.writeValueAsString(java.util.Map.of("model", "claude-test",
                        "choices", List.of(java.util.Map.of("index", 0, "finish_reason", "stop",
                                "message", java.util.Map.of("role", "assistant", "content", content))),
                        "usage", java.util.Map.of("prompt_tokens", 300, "completion_tokens", 40))));
    }
}
