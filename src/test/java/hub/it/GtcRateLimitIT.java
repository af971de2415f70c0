package hub.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The shared Smart Search rate limit (a token bucket in the real Redis): requests beyond it are never sent; their
 * lookups are served from the caches, here empty, so they say so.
 */
@DirtiesContext
@TestPropertySource(properties = {
    "hub.smart-search.enabled=true",
    "hub.smart-search.rate-limit.per-second=0.01",
    "hub.smart-search.rate-limit.burst=2",
    "hub.smart-search.rate-limit.max-wait-ms=100"
})
class GtcRateLimitIT extends LocalServicesIT {

    private static final WireMockServer SMART_SEARCH = new WireMockServer(
            WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());

    @DynamicPropertySource
    static void smartSearch(DynamicPropertyRegistry registry) {
        SMART_SEARCH.start();
        registry.add("hub.smart-search.primary.url", () -> "http://127.0.0.1:" + SMART_SEARCH.port());
        registry.add("hub.smart-search.secondary.url", () -> "http://127.0.0.1:" + SMART_SEARCH.port());
        registry.add("hub.smart-search.rate-limit.name", () -> "it-" + UUID.randomUUID());
    }

    @AfterAll
    static void stop() {
        SMART_SEARCH.stop();
    }

    @Test
    void lookupsBeyondTheLimitAreNotSentAndSaySo() throws Exception {
        SMART_SEARCH.stubFor(get(urlPathEqualTo("/search")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"results\": []}")));
        List<String> queries = List.of("fee " + UUID.randomUUID(), "cover " + UUID.randomUUID(),
                "bonus " + UUID.randomUUID());
        String body = new ObjectMapper().writeValueAsString(Map.of(
                "article", Map.of("text", "An article.", "format", "plain"), "guidelineSet", "it-llm",
                "options", Map.of("gtcValidation", true, "gtcQueries", queries)));

        JsonNode gtc = hub.awaitReport(hub.submit(body)).path("gtc");

        assertThat(SMART_SEARCH.getAllServeEvents()).as("burst 2, refill 0.01/s").hasSize(2);
        assertThat(gtc.path("lookups").findValuesAsText("source")).as(gtc.toString()).containsExactly("primary", "primary", "none");
        assertThat(gtc.path("warnings").toString()).contains("rate limit");
    }
}
