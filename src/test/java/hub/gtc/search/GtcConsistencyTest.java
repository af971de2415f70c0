package hub.gtc.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import hub.article.ArticleFormat;
import hub.article.PlainText;
import hub.cost.GtcCheckUsage;
import hub.gtc.PassageRanker;
import hub.gtc.PdfTextExtractor;
import hub.gtc.TestPdfs;
import hub.gtc.check.GtcCheckAnswer;
import hub.gtc.check.GtcCheckAnswer.Claim;
import hub.gtc.check.GtcCheckParser;
import hub.gtc.check.GtcCheckRequestFactory;
import hub.gtc.check.GtcPassage;
import hub.gtc.units.GtcClaimUnit;
import hub.gtc.units.GtcClaimUnits;
import hub.gtc.units.GtcUnitAnswer;
import hub.gtc.units.GtcUnitLookup;
import hub.report.model.ComplianceReport.GtcSection;
import hub.report.model.GtcFetched;
import hub.report.model.GtcFinding;
import hub.report.model.GtcLookup;
import hub.report.model.GuidelineResult.LlmCall;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The per-claim-unit GTC check between the routes' steps: what is asked, cached, reported and counted. */
class GtcConsistencyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FEE = "Our management fee is 0% a year.";
    private static final String RATE = "Interest of 3% is paid every month.";
    private static final String TRANSFER = "Express transfers cost 1 EUR.";
    private static final String ARTICLE = String.join("\n\n", "Save with us", FEE, "The app is simple.", RATE, TRANSFER);

    private final GtcCheckRequestFactory requests = new GtcCheckRequestFactory(JSON, "claude", 800, 0);
    private final GtcConsistency gtc = new GtcConsistency(
            new GtcClaimUnits(new PassageRanker(1200), requests, 2, 3, true), requests, new GtcCheckParser(JSON), JSON);
    private final Exchange exchange = new DefaultExchange(new DefaultCamelContext());
    private List<GtcClaimUnit> units;

    @BeforeEach
    void article() {
        exchange.setProperty("articleText", PlainText.of(ARTICLE, ArticleFormat.PLAIN));
        exchange.setProperty("gtcLookups", List.of(new GtcLookup("management fee", "primary", List.of(), null)));
        exchange.setProperty("gtcFetched", List.of(new GtcFetched("gtc-savings", "GTC", "2026.1", "primary", false, 3,
                null, new PdfTextExtractor(20_000_000, 500).extract("gtc-savings", TestPdfs.savingsAccountGtc()))));
        exchange.setProperty("jobRow", Map.of("submitter_tenant", "tenant-a"));
        exchange.setProperty("jobId", "job-2");
        units = gtc.claimUnits(exchange);
        assertThat(units).extracting(GtcClaimUnit::text).containsExactly(FEE, RATE, TRANSFER);
    }

    @Test
    void onlyTheUnitsTheCacheMissedAreAskedWithTheirPassagesAndCachedWithTheirShareOfTheCall() throws Exception {
        GtcUnitAnswer cachedFee = new GtcUnitAnswer("job-1", List.of(new Claim(FEE, units.get(0).passages().get(0),
                "CONTRADICTS", "The GTC say 1.5%.")), "claude", 1, 900, 40);
        lookedUp(cachedFee, null, null);
        assertThat(gtc.hasMissedUnits(exchange)).isTrue();

        String request = gtc.request(exchange);
        String user = JSON.readTree(request).path("messages").path(1).path("content").asText();
        assertThat(user).contains("<article>\n" + RATE + "\n\n" + TRANSFER + "\n</article>").doesNotContain(FEE);
        @SuppressWarnings("unchecked")
        List<GtcPassage> sent = exchange.getProperty("gtcPassages", List.class);
        assertThat(sent).isEqualTo(GtcClaimUnits.union(units.subList(1, 3)));

        GtcPassage transferPassage = units.get(2).passages().get(0);
        exchange.setProperty("gtcAnswer", new GtcCheckAnswer(true, null, List.of(
                new Claim("express transfers cost 1 EUR.", transferPassage, "CONTRADICTS", "5 EUR each."),
                new Claim(RATE, null, "NOT_COVERED", "Not in the passages.")), "{}", 1001, 31));

        List<Map.Entry<String, String>> entries = gtc.cacheEntries(exchange);
        assertThat(entries).extracting(Map.Entry::getKey).containsExactly(units.get(1).cacheKey(), units.get(2).cacheKey());
        GtcUnitAnswer rate = JSON.readValue(entries.get(0).getValue(), GtcUnitAnswer.class);
        GtcUnitAnswer transfer = JSON.readValue(entries.get(1).getValue(), GtcUnitAnswer.class);
        assertThat(rate.claims()).extracting(Claim::quote).containsExactly(RATE);
        assertThat(transfer.claims()).singleElement().satisfies(c -> assertThat(c.passage()).isEqualTo(transferPassage));
        assertThat(rate.promptTokens() + transfer.promptTokens()).isEqualTo(1001);
        assertThat(rate.completionTokens() + transfer.completionTokens()).isEqualTo(31);
        assertThat(rate.calls() + transfer.calls()).isEqualTo(1);
        assertThat(rate.jobId()).isEqualTo("job-2");

        GtcSection section = gtc.section(exchange);
        assertThat(section.status()).isEqualTo("VALIDATED");
        assertThat(section.findings()).extracting(GtcFinding::quote)
                .containsExactly(FEE, RATE, "express transfers cost 1 EUR.");
        assertThat(section.findings()).extracting(GtcFinding::reused).containsExactly(true, false, false);
        assertThat(section.findings()).extracting(GtcFinding::offset)
                .containsExactly(ARTICLE.indexOf(FEE), ARTICLE.indexOf(RATE), ARTICLE.indexOf(TRANSFER));
        assertThat(section.findings().get(0).section()).isEqualTo(units.get(0).passages().get(0).section());

        GtcCheckUsage usage = gtc.usage(exchange);
        assertThat(usage.called()).isEqualTo(new LlmCall("claude", 1, 1001, 31, 0));
        assertThat(usage.reused()).isEqualTo(new LlmCall("claude", 1, 900, 40, 0));
    }

    @Test
    void everyUnitFromTheCacheAsksNothingAndCountsOnlyReuse() {
        lookedUp(new GtcUnitAnswer("job-1", List.of(), "claude", 1, 500, 10),
                new GtcUnitAnswer("job-1", List.of(new Claim(RATE, null, "NOT_COVERED", "-")), "claude", 0, 400, 5),
                new GtcUnitAnswer("job-1", List.of(), "claude", 0, 400, 5));

        assertThat(gtc.hasMissedUnits(exchange)).isFalse();
        GtcSection section = gtc.section(exchange);
        assertThat(section.status()).isEqualTo("VALIDATED");
        assertThat(section.findings()).singleElement().satisfies(f -> {
            assertThat(f.offset()).isEqualTo(ARTICLE.indexOf(RATE));
            assertThat(f.reused()).isTrue();
        });
        assertThat(gtc.usage(exchange)).isEqualTo(new GtcCheckUsage(null, new LlmCall("claude", 1, 1300, 20, 0)));
    }

    @Test
    void aClaimWithoutExactlyOneUnitCachesNothingButStillReportsEveryClaim() throws Exception {
        lookedUp(null, null, null);
        exchange.setProperty("gtcAnswer", new GtcCheckAnswer(true, null, List.of(
                new Claim(RATE, null, "NOT_COVERED", "-"),
                new Claim("The bank charges nothing.", null, "NOT_COVERED", "-")), "{}", 2000, 50));

        assertThat(gtc.cacheEntries(exchange)).isEmpty();
        assertThat(gtc.section(exchange).findings()).extracting(GtcFinding::offset)
                .containsExactly(ARTICLE.indexOf(RATE), null);
    }

    @Test
    void aClaimRestingOnAnotherUnitsPassageKeepsOnlyThatUnitOutOfTheCache() throws Exception {
        lookedUp(null, null, null);
        GtcPassage foreign = GtcClaimUnits.union(units).stream()
                .filter(p -> !units.get(0).passages().contains(p)).findFirst().orElseThrow();
        exchange.setProperty("gtcAnswer", new GtcCheckAnswer(true, null, List.of(
                new Claim(FEE, foreign, "CONSISTENT", "-")), "{}", 2000, 50));

        assertThat(gtc.cacheEntries(exchange)).extracting(Map.Entry::getKey)
                .containsExactly(units.get(1).cacheKey(), units.get(2).cacheKey());
    }

    @Test
    void anInvalidAnswerIsDegradedWithoutFindingsAndCachesNothing() throws Exception {
        lookedUp(new GtcUnitAnswer("job-1", List.of(new Claim(FEE, null, "NOT_COVERED", "-")), "claude", 1, 500, 10),
                null, null);
        exchange.setProperty("gtcAnswer", new GtcCheckAnswer(false, "findings is missing", List.of(), "{}", 700, 9));

        GtcSection section = gtc.section(exchange);
        assertThat(section.status()).isEqualTo("DEGRADED");
        assertThat(section.reason()).contains("findings is missing");
        assertThat(section.findings()).isEmpty();
        assertThat(gtc.cacheEntries(exchange)).isEmpty();
        assertThat(gtc.usage(exchange).called()).isEqualTo(new LlmCall("claude", 1, 700, 9, 0));
    }

    /** Sets what the unit cache answered for the three claim units (null: a miss). */
    @Test
    void aReaskedCheckCountsTheTokensOfBothAnswers() throws Exception {
        lookedUp(null, null, null);
        gtc.request(exchange);
        exchange.getIn().setBody(completion("not json", 500, 20));
        GtcCheckAnswer invalid = gtc.parse(exchange);
        assertThat(invalid.valid()).isFalse();
        exchange.getIn().setBody(invalid);
        gtc.reask(exchange);

        exchange.getIn().setBody(completion("{\"findings\": []}", 600, 30));
        GtcCheckAnswer answer = gtc.parse(exchange);

        assertThat(answer.valid()).isTrue();
        assertThat(answer.promptTokens()).isEqualTo(1100);
        assertThat(answer.completionTokens()).isEqualTo(50);
    }

    private static String completion(String content, int promptTokens, int completionTokens) throws Exception {
        var body = JSON.createObjectNode().put("model", "claude");
        body.putArray("choices").addObject().put("finish_reason", "stop").putObject("message")
                .put("role", "assistant").put("content", content);
        body.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens);
        return JSON.writeValueAsString(body);
    }

    private void lookedUp(GtcUnitAnswer fee, GtcUnitAnswer rate, GtcUnitAnswer transfer) {
        exchange.setProperty("gtcUnitLookups", List.of(new GtcUnitLookup(units.get(0), fee),
                new GtcUnitLookup(units.get(1), rate), new GtcUnitLookup(units.get(2), transfer)));
    }
}
