package hub.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.azure.storage.blob.BlobServiceClient;
import hub.gtc.TestPdfs;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.CamelContext;
import org.apache.camel.component.resilience4j.ResilienceProcessor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * GTC metadata lookups through Smart Search with two WireMock servers on loopback as the primary and secondary
 * regions, real Redis as the metadata and stale-copy cache: cold, warm, failover with the breaker, stale survival.
 */
@DirtiesContext
@TestPropertySource(properties = {
    "hub.smart-search.enabled=true",
    "hub.smart-search.api-key=test-smart-search-key",
    "camel.resilience4j.configurations.smartSearch.minimum-number-of-calls=2",
    "camel.resilience4j.configurations.smartSearch.sliding-window-size=2",
    "camel.resilience4j.configurations.smartSearch.wait-duration-in-open-state=2",
    "camel.resilience4j.configurations.smartSearch.timeout-duration=2000"
})
class GtcLookupIT extends LocalServicesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WireMockServer PRIMARY = start();
    private static final WireMockServer SECONDARY = start();

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    CamelContext camel;

    @Autowired
    MeterRegistry meters;

    @Autowired
    BlobServiceClient blobs;

    @DynamicPropertySource
    static void smartSearchRegions(DynamicPropertyRegistry registry) {
        registry.add("hub.smart-search.primary.url", () -> "http://127.0.0.1:" + PRIMARY.port());
        registry.add("hub.smart-search.secondary.url", () -> "http://127.0.0.1:" + SECONDARY.port());
    }

    @AfterAll
    static void stopRegions() {
        PRIMARY.stop();
        SECONDARY.stop();
    }

    @BeforeEach
    void resetRegions() {
        PRIMARY.resetAll();
        SECONDARY.resetAll();
        breaker("smart-search-primary").getCircuitBreaker().reset();
        breaker("smart-search-secondary").getCircuitBreaker().reset();
    }

    private ResilienceProcessor breaker(String id) {
        return (ResilienceProcessor) camel.getProcessor(id);
    }

    @Test
    void coldLookupAsksThePrimaryAndFillsTheCachesThenAWarmOneAsksNobody() throws Exception {
        String query = unique("management fee");
        String gtcId = "gtc-savings-" + UUID.randomUUID().toString().substring(0, 8);
        answer(PRIMARY, query, gtcId);
        PRIMARY.stubFor(get(urlPathEqualTo("/documents/" + gtcId + "-pdf/pdf"))
                .willReturn(aResponse().withStatus(200).withBody(TestPdfs.savingsAccountGtc())));

        JsonNode cold = lookup(report(query));
        assertThat(cold.path("source").asText()).isEqualTo("primary");
        assertThat(cold.path("documents").get(0).path("id").asText()).isEqualTo(gtcId);
        assertThat(cold.path("documents").get(0).path("version").asText()).isEqualTo("2026.1");
        PRIMARY.verify(1, getRequestedFor(urlPathEqualTo("/search")).withQueryParam("q", equalTo(query))
                .withHeader("X-Api-Key", equalTo("test-smart-search-key")));
        assertThat(SECONDARY.getAllServeEvents()).isEmpty();
        String key = "gtc:metadata:" + sha256(query) + "@westeurope";
        assertThat(redis.opsForValue().get(key)).contains(gtcId);
        assertThat(redis.getExpire(key)).isBetween(3000L, 3600L);
        assertThat(redis.opsForValue().get("gtc:metadata-stale:" + sha256(query) + "@westeurope")).isNotNull();
        assertThat(meters.find("smart_search_requests").tags("region", "westeurope", "endpoint", "search", "status", "200")
                .counter().count()).isPositive();
        assertThat(meters.find("smart_search_latency").tags("operation", "search", "region", "westeurope").timer().count())
                .isPositive();
        assertThat(camel.createProducerTemplate().requestBody("bean:smartSearchGauges?method=measureGtcCache", null,
                Long.class)).isPositive();
        assertThat(meters.find("gtc_cache_size_bytes").gauge().value()).isPositive();

        PRIMARY.resetRequests();
        JsonNode warm = lookup(report(query));
        assertThat(warm.path("source").asText()).isEqualTo("cache");
        assertThat(warm.path("documents")).isEqualTo(cold.path("documents"));
        assertThat(PRIMARY.getAllServeEvents()).isEmpty();
        assertThat(SECONDARY.getAllServeEvents()).isEmpty();
    }

    @Test
    void aFailingPrimaryFailsOverOpensItsBreakerAndGetsTrafficBackAfterRecovery() throws Exception {
        PRIMARY.stubFor(get(urlPathEqualTo("/search")).willReturn(aResponse().withStatus(503)));
        String slow = unique("life cover");
        PRIMARY.stubFor(get(urlPathEqualTo("/search")).withQueryParam("q", equalTo(slow)).atPriority(1)
                .willReturn(aResponse().withStatus(200).withFixedDelay(4_000)));
        double failoversBefore = failovers();

        String first = unique("cancellation");
        answer(SECONDARY, first, "gtc-life-2025");
        assertThat(lookup(report(first)).path("source").asText()).isEqualTo("secondary");
        answer(SECONDARY, slow, "gtc-life-2025");
        assertThat(lookup(report(slow)).path("source").asText()).as("a timeout fails over too").isEqualTo("secondary");
        assertThat(failovers() - failoversBefore).as("each search, and PDF requests once the breaker is open").isGreaterThanOrEqualTo(2);

        // Two failures opened the primary's breaker: the next lookups go straight to the secondary.
        assertThat(breaker("smart-search-primary").getCircuitBreakerState()).isEqualTo("OPEN");
        assertThat(meters.find("smart_search_circuit_breaker_state").tag("region", "westeurope").gauge().value())
                .isEqualTo(1.0);
        PRIMARY.resetRequests();
        String third = unique("exclusions");
        answer(SECONDARY, third, "gtc-life-2025");
        assertThat(lookup(report(third)).path("source").asText()).isEqualTo("secondary");
        assertThat(PRIMARY.getAllServeEvents()).as("no calls while open").isEmpty();

        // The primary recovers; after the open period the half-open breaker lets traffic back.
        PRIMARY.resetAll();
        String fourth = unique("interest rate");
        answer(PRIMARY, fourth, "gtc-savings-2026");
        Thread.sleep(2_200);
        assertThat(lookup(report(fourth)).path("source").asText()).isEqualTo("primary");
    }

    @Test
    void withBothRegionsDownTheStaleCopyServesAndWithoutOneTheJobStillCompletesDegraded() throws Exception {
        String known = unique("savings plan");
        answer(PRIMARY, known, "gtc-savings-2026");
        lookup(report(known));
        redis.delete("gtc:metadata:" + sha256(known) + "@westeurope");
        PRIMARY.resetAll();
        PRIMARY.stubFor(get(urlPathEqualTo("/search")).willReturn(aResponse().withStatus(500)));
        SECONDARY.stubFor(get(urlPathEqualTo("/search")).willReturn(aResponse().withStatus(502)));

        JsonNode staleReport = report(known);
        JsonNode stale = lookup(staleReport);
        assertThat(stale.path("source").asText()).isEqualTo("stale");
        assertThat(stale.path("documents").get(0).path("id").asText()).isEqualTo("gtc-savings-2026");
        assertThat(staleReport.path("gtc").path("warnings").toString()).contains("last known answer");

        JsonNode noneReport = report(unique("welcome bonus"));
        assertThat(lookup(noneReport).path("source").asText()).isEqualTo("none");
        assertThat(noneReport.path("gtc").path("status").asText()).isEqualTo("DEGRADED");
        assertThat(noneReport.path("gtc").path("reason").asText()).contains("unreachable in both regions");
    }

    @Test
    void aGtcPdfIsDownloadedOnceCachedAndItsRelevantPassageContradictsTheArticle() throws Exception {
        String gtcId = "gtc-easy-savings-" + UUID.randomUUID().toString().substring(0, 8);
        String query = unique("management fee");
        answerWithSavingsPdf(query, gtcId);
        String claim = "Our management fee is 0% a year.";
        // The fake LLM answers CONTRADICTS only when the prompt carries the passage that contradicts the claim.
        llm.stubFor(LlmStub.anyChat().atPriority(1).withRequestBody(containing("gtc-passage"))
                .withRequestBody(containing("1.5% of the account value"))
                .willReturn(LlmStub.completion(JSON.writeValueAsString(Map.of("findings", List.of(Map.of(
                        "claim", claim, "passage", "P1", "verdict", "CONTRADICTS",
                        "explanation", "The GTC sets the annual management fee at 1.5% of the account value.")))))));
        String text = "Save with us 🙂. " + claim + " The app is free.";

        JsonNode report = report(query, text);
        JsonNode gtc = report.path("gtc");

        assertThat(gtc.path("status").asText()).as(gtc.toString()).isEqualTo("VALIDATED");
        String correlationId = report.path("correlationId").asText();
        assertThat(correlationId).isNotBlank();
        assertThat(PRIMARY.findAll(getRequestedFor(urlPathEqualTo("/documents/" + gtcId + "-pdf/pdf"))))
                .as("the PDF download carries the job's correlation id").isNotEmpty()
                .allSatisfy(r -> assertThat(r.getHeader("X-Correlation-ID")).isEqualTo(correlationId));
        JsonNode document = gtc.path("documents").get(0);
        assertThat(document.path("source").asText()).isEqualTo("primary");
        assertThat(document.path("pages").asInt()).isEqualTo(3);
        JsonNode finding = gtc.path("findings").get(0);
        assertThat(finding.path("verdict").asText()).isEqualTo("CONTRADICTS");
        assertThat(finding.path("gtcId").asText()).isEqualTo(gtcId);
        assertThat(finding.path("version").asText()).isEqualTo("2026.1");
        assertThat(finding.path("page").asInt()).isEqualTo(3);
        assertThat(finding.path("section").asText()).isEqualTo("4.2");
        assertThat(finding.path("offset").asInt()).isEqualTo(text.indexOf(claim));
        assertThat(finding.path("length").asInt()).isEqualTo(claim.length());

        String prompt = llm.findAll(postRequestedFor(anyUrl()).withRequestBody(containing("gtc-passage"))).get(0)
                .getBodyAsString();
        assertThat(prompt).as("the relevant passage").contains("1.5% of the account value")
                .as("not the whole document").doesNotContain("The account can be opened online");

        var blob = blobs.getBlobContainerClient("gtc-cache").getBlobClient(gtcId + ".pdf").getProperties();
        Instant expires = Instant.parse(blob.getMetadata().get("expires_at"));
        assertThat(Duration.between(Instant.parse(blob.getMetadata().get("cached_at")), expires)).isEqualTo(Duration.ofDays(30));
        assertThat(redis.getExpire("gtc:location:" + gtcId + "@westeurope")).isBetween(86_000L, 86_400L);

        PRIMARY.resetRequests();
        String again = unique("management fee");
        answer(PRIMARY, again, gtcId);
        JsonNode warm = report(again, text).path("gtc").path("documents").get(0);
        assertThat(warm.path("source").asText()).isEqualTo("blob");
        PRIMARY.verify(0, getRequestedFor(urlPathEqualTo("/documents/" + gtcId + "-pdf/pdf")));

        // Expired in the blob cache and both regions down: the expired PDF still serves, with a warning.
        var blobClient = blobs.getBlobContainerClient("gtc-cache").getBlobClient(gtcId + ".pdf");
        blobClient.setMetadata(Map.of("cached_at", "2025-01-01T00:00:00Z", "expires_at", "2025-01-31T00:00:00Z"));
        PRIMARY.resetAll();
        PRIMARY.stubFor(get(urlPathEqualTo("/documents/" + gtcId + "-pdf/pdf")).willReturn(aResponse().withStatus(503)));
        SECONDARY.stubFor(get(urlPathEqualTo("/documents/" + gtcId + "-pdf/pdf")).willReturn(aResponse().withStatus(503)));
        JsonNode expired = report(again, text).path("gtc");
        assertThat(expired.path("documents").get(0).path("source").asText()).isEqualTo("stale-blob");
        assertThat(expired.path("documents").get(0).path("stale").asBoolean()).isTrue();
        assertThat(expired.path("status").asText()).isEqualTo("DEGRADED");
        assertThat(expired.path("warnings").toString()).contains("expired cached PDF");
        assertThat(expired.path("findings").get(0).path("verdict").asText()).isEqualTo("CONTRADICTS");
    }

    @Test
    void withTheUnitCacheAReCheckAsksOnlyAboutTheEditedClaimUnitAndKeepsTheOtherUnitsFindings() throws Exception {
        String gtcId = "gtc-units-" + UUID.randomUUID().toString().substring(0, 8);
        String query = unique("management fee");
        answerWithSavingsPdf(query, gtcId);
        String fee = "Our management fee is 0% a year.";
        String rate = "Interest of 3% is paid every month.";
        String rateEdited = "Interest of 4% is paid every month on balances up to 100,000 EUR.";
        String v1 = String.join("\n\n", "Why save with us", fee, "The app is free.", rate);
        // The heading (no claim) grows too, so the kept claim moves; the rate claim is edited.
        String v2 = String.join("\n\n", "Why more and more families save with us", fee, "The app is free.", rateEdited);
        // P1 is the fee unit's best passage: the first claim unit's best comes first.
        llm.stubFor(gtcChat().atPriority(2).withRequestBody(containing("Interest of 3%"))
                .willReturn(gtcFindings(finding(fee, "P1", "CONTRADICTS"), finding(rate, null, "NOT_COVERED"))));
        llm.stubFor(gtcChat().atPriority(1).withRequestBody(containing("Interest of 4%"))
                .willReturn(gtcFindings(finding(rateEdited, null, "NOT_COVERED"))));
        String tenant = "gtc-units-" + UUID.randomUUID();
        try (RunningHub cached = RunningHub.local("gtc-units-" + UUID.randomUUID(),
                "--hub.incremental.enabled=true",
                "--hub.smart-search.enabled=true",
                "--hub.smart-search.api-key=test-smart-search-key",
                "--hub.smart-search.primary.url=http://127.0.0.1:" + PRIMARY.port(),
                "--hub.smart-search.secondary.url=http://127.0.0.1:" + SECONDARY.port())) {
            HubClient writer = cached.client().as("writer", tenant);
            try {
                JsonNode first = checkedGtc(writer, query, v1, null);
                List<String> firstPrompts = gtcPrompts();
                assertThat(firstPrompts).singleElement().satisfies(p -> assertThat(p).contains(fee, rate));
                assertThat(first.path("gtc").path("findings")).hasSize(2);
                assertGtcFinding(first, 0, v1, fee, "CONTRADICTS", false);
                assertGtcFinding(first, 1, v1, rate, "NOT_COVERED", false);
                assertThat(first.path("gtc").path("findings").get(0).path("section").asText()).isEqualTo("4.2");

                // One claim unit edited (and the heading before the other): only the edited unit is asked about.
                llm.resetRequests();
                JsonNode second = checkedGtc(writer, query, v2, first.path("jobId").asText());
                assertThat(gtcPrompts()).singleElement().satisfies(p -> assertThat(p)
                        .contains(rateEdited).doesNotContain(fee).doesNotContain("Why more and more families"));
                assertThat(second.path("gtc").path("status").asText()).isEqualTo("VALIDATED");
                assertThat(second.path("gtc").path("findings")).hasSize(2);
                assertGtcFinding(second, 0, v2, fee, "CONTRADICTS", true);
                assertGtcFinding(second, 1, v2, rateEdited, "NOT_COVERED", false);
                JsonNode kept = second.path("gtc").path("findings").get(0);
                assertThat(kept.path("gtcId").asText()).isEqualTo(gtcId);
                assertThat(kept.path("version").asText()).isEqualTo("2026.1");
                assertThat(kept.path("section").asText()).isEqualTo("4.2");
                assertThat(kept.path("page").asInt()).isEqualTo(3);
                assertThat(second.path("cost").path("llm").path("reusedPromptTokens").asLong())
                        .as("the fee unit's share of the first GTC call").isGreaterThanOrEqualTo(60);

                // Unchanged: no GTC call, the same findings at the same places, all reused.
                llm.resetRequests();
                JsonNode third = checkedGtc(writer, query, v2, second.path("jobId").asText());
                assertThat(gtcPrompts()).isEmpty();
                assertThat(third.path("gtc").path("findings")).hasSize(2);
                assertGtcFinding(third, 0, v2, fee, "CONTRADICTS", true);
                assertGtcFinding(third, 1, v2, rateEdited, "NOT_COVERED", true);
                assertThat(third.path("cost").path("llm").path("reusedPromptTokens").asLong())
                        .as("both units' shares of the GTC calls").isGreaterThanOrEqualTo(120);
            } finally {
                var keys = redis.keys("unit-verdict:" + tenant + ":*");
                if (keys != null && !keys.isEmpty()) {
                    redis.delete(keys);
                }
            }
        }

        // This class's hub runs with hub.incremental.enabled=false: every check asks about every claim unit.
        llm.resetRequests();
        checkedGtc(hub, query, v1, null);
        checkedGtc(hub, query, v1, null);
        assertThat(gtcPrompts()).hasSize(2).allSatisfy(p -> assertThat(p).contains(fee, rate));
    }

    @Test
    void aCorruptPdfIsAnErrorOfThatDocumentAndTheJobCompletes() throws Exception {
        String gtcId = "gtc-broken-" + UUID.randomUUID().toString().substring(0, 8);
        String query = unique("exclusions");
        answer(PRIMARY, query, gtcId);
        PRIMARY.stubFor(get(urlPathEqualTo("/documents/" + gtcId + "-pdf/pdf"))
                .willReturn(aResponse().withStatus(200).withBody(TestPdfs.corrupt())));

        JsonNode gtc = report(query).path("gtc");

        assertThat(gtc.path("status").asText()).isEqualTo("DEGRADED");
        assertThat(gtc.path("documents").get(0).path("error").asText()).contains(gtcId).contains("not a readable PDF");
        assertThat(gtc.path("warnings").toString()).contains(gtcId);
    }

    @Test
    void notRequestedMeansSkipped() {
        JsonNode report = hub.awaitReport(hub.submit(submission("it-llm", "An article about fees.")));
        assertThat(report.path("gtc").path("status").asText()).isEqualTo("SKIPPED");
        assertThat(report.path("gtc").path("reason").asText()).contains("not requested");
    }

    private JsonNode report(String query) throws Exception {
        return report(query, "Our " + query + " is described in the brochure.");
    }

    private JsonNode report(String query, String text) throws Exception {
        String body = JSON.writeValueAsString(Map.of(
                "article", Map.of("text", text, "format", "plain"),
                "guidelineSet", "it-llm",
                "options", Map.of("gtcValidation", true, "gtcQueries", List.of(query))));
        return hub.awaitReport(hub.submit(body));
    }

    private static JsonNode checkedGtc(HubClient client, String query, String text, String previousJobId)
            throws Exception {
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of(
                "article", Map.of("text", text, "format", "plain"),
                "guidelineSet", "it-llm",
                "options", Map.of("gtcValidation", true, "gtcQueries", List.of(query))));
        if (previousJobId != null) {
            body.put("previousJobId", previousJobId);
        }
        JsonNode report = client.awaitReport(client.submit(JSON.writeValueAsString(body)));
        assertThat(report.path("gtc").path("status").asText()).as(report.path("gtc").toString()).isEqualTo("VALIDATED");
        return report;
    }

    /** The user messages of the GTC check requests the LLM received since the last reset. */
    private List<String> gtcPrompts() {
        return llm.findAll(postRequestedFor(anyUrl()).withRequestBody(containing("gtc-passage"))).stream()
                .map(r -> LlmStub.messages(r).get(1).path("content").asText()).toList();
    }

    private static com.github.tomakehurst.wiremock.client.MappingBuilder gtcChat() {
        return LlmStub.anyChat().withRequestBody(containing("gtc-passage"));
    }

    @SafeVarargs
    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder gtcFindings(
            Map<String, Object>... findings) throws Exception {
        return LlmStub.completion(JSON.writeValueAsString(Map.of("findings", List.of(findings))));
    }

    private static Map<String, Object> finding(String claim, String passage, String verdict) {
        Map<String, Object> finding = new java.util.LinkedHashMap<>();
        finding.put("claim", claim);
        finding.put("passage", passage);
        finding.put("verdict", verdict);
        finding.put("explanation", "Compared with the GTC passage.");
        return finding;
    }

    private static void assertGtcFinding(JsonNode report, int index, String text, String quote, String verdict,
                                         boolean reused) {
        JsonNode f = report.path("gtc").path("findings").get(index);
        assertThat(f.path("quote").asText()).as(f.toString()).isEqualTo(quote);
        assertThat(f.path("verdict").asText()).isEqualTo(verdict);
        assertThat(f.path("offset").asInt()).isEqualTo(text.indexOf(quote));
        assertThat(f.path("length").asInt()).isEqualTo(quote.length());
        assertThat(f.path("reused").asBoolean()).as("reused").isEqualTo(reused);
    }

    private static JsonNode lookup(JsonNode report) {
        JsonNode lookups = report.path("gtc").path("lookups");
        assertThat(lookups).as(report.path("gtc").toString()).hasSize(1);
        return lookups.get(0);
    }

    /** The primary finds the document for the query and serves the savings account GTC as its PDF. */
    private static void answerWithSavingsPdf(String query, String gtcId) throws Exception {
        answer(PRIMARY, query, gtcId);
        PRIMARY.stubFor(get(urlPathEqualTo("/documents/" + gtcId + "-pdf/pdf")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/pdf").withBody(TestPdfs.savingsAccountGtc())));
    }

    private static void answer(WireMockServer region, String query, String gtcId) throws Exception {
        String body = JSON.writeValueAsString(Map.of("results", List.of(Map.of(
                "id", gtcId, "title", "General Terms and Conditions", "product", "FutureNest", "version", "2026.1",
                "effectiveFrom", "2026-01-01", "language", "en", "pdfId", gtcId + "-pdf"))));
        region.stubFor(get(urlPathEqualTo("/search")).withQueryParam("q", equalTo(query)).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body)));
    }

    private double failovers() {
        return meters.find("smart_search_failovers").tag("region", "westeurope").counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    private static String unique(String term) {
        return term + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String sha256(String query) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(query.trim().toLowerCase().getBytes(StandardCharsets.UTF_8)));
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        return server;
    }
}
