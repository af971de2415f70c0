package hub.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static hub.it.HubClient.guideline;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** A storm of 5xx answers opens the LLM circuit breaker; jobs still complete, marked partial. */
@DirtiesContext
@TestPropertySource(properties = {
    "camel.resilience4j.configurations.llm.minimum-number-of-calls=3",
    "camel.resilience4j.configurations.llm.sliding-window-size=3",
    "camel.resilience4j.configurations.llm.wait-duration-in-open-state=600"
})
class LlmOutageIT extends LocalServicesIT {

    @Test
    void serverErrorStormOpensTheBreakerAndJobsStillComplete() {
        llm.stubFor(LlmStub.anyChat().atPriority(1).willReturn(aResponse().withStatus(500).withBody("boom")));

        JsonNode first = hub.awaitReport(hub.submit(submission("it-llm", "An article without promises.")));

        for (String id : new String[] {"rule-no-guarantees", "llm-balance", "llm-fees"}) {
            JsonNode g = guideline(first, id);
            assertThat(g.path("verdict").asText()).isEqualTo("ERROR");
            assertThat(g.path("reason").asText()).contains("LLM unavailable").contains("HTTP 500");
        }
        assertThat(first.path("partial").asBoolean()).isTrue();
        // Each of the three calls was tried hub.llm.retry.max-attempts (4) times before the breaker counted it.
        assertThat(llm.getAllServeEvents()).hasSize(12);

        llm.resetRequests();
        JsonNode second = hub.awaitReport(hub.submit(submission("it-llm", "Enjoy guaranteed returns.")));

        // The guidelines' breaker is open and sends nothing; the rule hit's review has a breaker of its own, which
        // tries the call (four attempts) and falls back to the rules.
        assertThat(llm.getAllServeEvents()).as("an open breaker sends nothing; only the review is tried").hasSize(4)
                .allSatisfy(e -> assertThat(e.getRequest().getBodyAsString()).contains(LlmStub.REVIEW_MARKER));
        assertThat(guideline(second, "llm-fees").path("reason").asText()).contains("circuit breaker is open");
        JsonNode rule = guideline(second, "rule-no-guarantees");
        assertThat(rule.path("verdict").asText()).as("rules work without the LLM").isEqualTo("FAIL");
        assertThat(rule.path("evaluatedBy").asText()).isEqualTo("rule");
        assertThat(rule.path("reason").asText()).contains("could not review the rule findings");
        assertThat(second.path("partial").asBoolean()).isTrue();
        // One regulatory FAIL of weight 3, the rule's hit not reviewed by the unreachable model: (1 - 0.6)^1.5.
        assertThat(second.path("score").asDouble()).isEqualTo(25.3);
    }
}
