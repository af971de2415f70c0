package bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import hub.article.ArticleFormat;
import hub.article.PlainText;
import hub.gtc.PassageRanker;
import hub.gtc.PdfTextExtractor;
import hub.gtc.TestPdfs;
import hub.gtc.check.GtcCheckParser;
import hub.gtc.check.GtcCheckRequestFactory;
import hub.gtc.search.GtcConsistency;
import hub.gtc.units.GtcClaimUnit;
import hub.gtc.units.GtcClaimUnits;
import hub.gtc.units.GtcUnitLookup;
import hub.report.model.GtcDocument;
import hub.report.model.GtcFetched;
import hub.report.model.GtcLookup;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;

/**
 * Measures the GTC consistency check's requests for the incremental benchmark's article (EditingSession seed 10,
 * 1,500 words; the savings account GTC of TestPdfs under the benchmark's two document ids) without a hub: the first
 * check (every claim unit asked) and a re-check asking one claim unit. The argument is hub.gtc.passages-per-unit
 * (default 3). Run with the test classpath: {@code java -cp ... bench.GtcRequestSize 3} (ADR 0015 has the numbers).
 */
public final class GtcRequestSize {

    /** The characters of the request's message contents, which CountingLlm counts (one token per four). */
    private static int messageChars(ObjectMapper mapper, String request) throws Exception {
        return String.join("", mapper.readTree(request).path("messages").findValuesAsText("content")).length();
    }

    public static void main(String[] args) throws Exception {
        EditingSession session = new EditingSession(10, 1500);
        String text = session.text();
        ObjectMapper mapper = new ObjectMapper();
        int perUnit = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        GtcCheckRequestFactory requests = new GtcCheckRequestFactory(mapper, "claude", 800, 0);
        GtcClaimUnits planner = new GtcClaimUnits(new PassageRanker(1200), requests, 2, perUnit, true);
        GtcConsistency gtc = new GtcConsistency(planner, requests, new GtcCheckParser(mapper), mapper);
        Map<String, String> docs = Map.of("savings plan", "bench-inc-savings-plan", "management fee", "bench-inc-fees");
        List<String> keywords = List.of("management fee", "management charge", "savings plan", "life cover",
                "cancellation", "exclusions", "interest rate", "welcome bonus");
        List<GtcLookup> lookups = new ArrayList<>();
        List<GtcFetched> fetched = new ArrayList<>();
        byte[] pdf = TestPdfs.savingsAccountGtc();
        for (String k : keywords) {
            if (text.toLowerCase(Locale.ROOT).contains(k)) {
                String id = docs.getOrDefault(k, "bench-gtc-generic");
                lookups.add(new GtcLookup(k, "primary", List.of(), null));
                if (fetched.stream().noneMatch(f -> f.gtcId().equals(id))) {
                    fetched.add(new GtcFetched(id, "GTC", "2026.1", "primary", false, 3, null,
                            new PdfTextExtractor(20_000_000, 500).extract(id, pdf)));
                }
            }
        }
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty("articleText", PlainText.of(text, ArticleFormat.PLAIN));
        exchange.setProperty("gtcLookups", lookups);
        exchange.setProperty("gtcFetched", fetched);
        List<GtcClaimUnit> units = gtc.claimUnits(exchange);
        exchange.setProperty("gtcUnitLookups", units.stream().map(u -> new GtcUnitLookup(u, null)).toList());
        String request = gtc.request(exchange);
        System.out.println("passages per unit " + perUnit + ": " + units.size() + " claim units, "
                + GtcClaimUnits.union(units).size() + " passages in the first request; "
                + hub.article.ArticleUnits.of(text).size() + " units in the article");
        int chars = messageChars(mapper, request);
        java.util.IntSummaryStatistics alone = new java.util.IntSummaryStatistics();
        for (GtcClaimUnit unit : units) {
            exchange.setProperty("gtcUnitLookups", units.stream().map(u -> new GtcUnitLookup(u,
                    u == unit ? null : new hub.gtc.units.GtcUnitAnswer("j", List.of(), "claude", 0, 0, 0))).toList());
            alone.accept((messageChars(mapper, gtc.request(exchange)) + 3) / 4);
        }
        System.out.println("one claim unit asked alone: tokens min " + alone.getMin() + ", mean "
                + Math.round(alone.getAverage()) + ", max " + alone.getMax());
        System.out.println("queries " + lookups.stream().map(GtcLookup::query).toList() + ", documents "
                + fetched.size());
        System.out.println("request chars " + request.length() + ", message chars " + chars
                + ", tokens (chars/4, as CountingLlm) " + (chars + 3) / 4);
    }
}
