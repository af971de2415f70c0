package hub.gtc.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import hub.article.PlainText;
import hub.article.QuoteLocator;
import hub.cost.GtcCheckUsage;
import hub.gtc.check.GtcCheckAnswer;
import hub.gtc.check.GtcCheckParser;
import hub.gtc.check.GtcCheckRequestFactory;
import hub.gtc.check.GtcPassage;
import hub.gtc.units.GtcAnswerSplit;
import hub.gtc.units.GtcClaimUnit;
import hub.gtc.units.GtcClaimUnits;
import hub.gtc.units.GtcUnitAnswer;
import hub.gtc.units.GtcUnitLookup;
import hub.job.model.JobProperties;
import hub.report.model.ComplianceReport.GtcSection;
import hub.report.model.GtcFetched;
import hub.report.model.GtcFinding;
import hub.report.model.GtcLookup;
import hub.report.model.GuidelineResult.LlmCall;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Compares an article's claims with the relevant GTC passages per claim unit (ADR 0015): looks each claim unit up in
 * the unit cache, asks the LLM about the rest in one call (their texts and the union of their passages), shares the
 * answer out over those units for the cache, locates every claim in the article and builds the report's {@code gtc}
 * section and the check's usage for the cost section.
 */
@Component("gtcConsistency")
public class GtcConsistency {

    /** The exchange property holding the invalid first answer while the model is re-asked. */
    private static final String FIRST_ANSWER = "gtcFirstAnswer";

    private final GtcClaimUnits claimUnits;
    private final GtcCheckRequestFactory requests;
    private final GtcCheckParser parser;
    private final ObjectMapper mapper;

    public GtcConsistency(GtcClaimUnits claimUnits, GtcCheckRequestFactory requests, GtcCheckParser parser,
                          ObjectMapper mapper) {
        this.claimUnits = claimUnits;
        this.requests = requests;
        this.parser = parser;
        this.mapper = mapper;
    }

    /** Whether any document could be read, so that asking the LLM can be worth it. */
    @SuppressWarnings("unchecked")
    public boolean hasReadableDocuments(Exchange exchange) {
        List<GtcFetched> documents = exchange.getProperty("gtcFetched", List.class);
        return documents != null && documents.stream().anyMatch(GtcFetched::usable);
    }

    /** The article's claim units with their passages and unit-cache keys (null keys when the cache is off). */
    @SuppressWarnings("unchecked")
    public List<GtcClaimUnit> claimUnits(Exchange exchange) {
        return claimUnits.of(exchange.getProperty("articleText", PlainText.class),
                exchange.getProperty("gtcLookups", List.class), exchange.getProperty("gtcFetched", List.class),
                JobProperties.tenant(exchange));
    }

    /** The unit and the cache's answer for it (the JSON body; null on a miss, an unreadable entry or no lookup). */
    public GtcUnitLookup lookedUp(GtcClaimUnit unit, String cachedJson) {
        GtcUnitAnswer cached = null;
        if (cachedJson != null) {
            try {
                cached = mapper.readValue(cachedJson, GtcUnitAnswer.class);
            } catch (JsonProcessingException e) {
                cached = null;
            }
        }
        return new GtcUnitLookup(unit, cached);
    }

    /** Whether the cache left any claim unit unanswered, so that the model must be asked. */
    public boolean hasMissedUnits(Exchange exchange) {
        return !missed(exchange).isEmpty();
    }

    /**
     * The chat request about the claim units the cache did not answer: their texts in article order and the union of
     * their passages. Sending only claim units keeps the request, and so the cached answers, independent of edits to
     * any other paragraph.
     */
    public String request(Exchange exchange) {
        List<GtcClaimUnit> missed = missed(exchange);
        List<GtcPassage> passages = GtcClaimUnits.union(missed);
        exchange.setProperty("gtcPassages", passages);
        String request = requests.request(String.join("\n\n", missed.stream().map(GtcClaimUnit::text).toList()),
                passages);
        exchange.setProperty("gtcRequest", request);
        return request;
    }

    /** The model's answer (the body); after a re-ask it carries the tokens of both answers, as the endpoint counted. */
    @SuppressWarnings("unchecked")
    public GtcCheckAnswer parse(Exchange exchange) {
        GtcCheckAnswer answer = parser.parse(exchange.getIn().getBody(String.class),
                exchange.getProperty("gtcPassages", List.class));
        GtcCheckAnswer first = exchange.getProperty(FIRST_ANSWER, GtcCheckAnswer.class);
        return first == null ? answer : new GtcCheckAnswer(answer.valid(), answer.problem(), answer.findings(),
                answer.assistantContent(), answer.promptTokens() + first.promptTokens(),
                answer.completionTokens() + first.completionTokens());
    }

    public String reask(Exchange exchange) {
        GtcCheckAnswer invalid = exchange.getIn().getBody(GtcCheckAnswer.class);
        exchange.setProperty(FIRST_ANSWER, invalid);
        return requests.reask(exchange.getProperty("gtcRequest", String.class), invalid.assistantContent(),
                invalid.problem());
    }

    public GtcCheckAnswer unavailable(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String why = cause == null ? "the circuit breaker is open" : cause.getMessage();
        return new GtcCheckAnswer(false, "LLM unavailable: " + why, List.of(), null, 0, 0);
    }

    /**
     * The unit-cache entries (key, JSON) of the call's answer ({@code gtcAnswer}): one per asked claim unit with a
     * key whose claims rest only on its own passages. None when the answer is invalid or a claim's quote cannot be
     * given to exactly one asked unit.
     */
    public List<Map.Entry<String, String>> cacheEntries(Exchange exchange) throws JsonProcessingException {
        List<GtcClaimUnit> missed = missed(exchange);
        Optional<List<GtcUnitAnswer>> answers = answered(exchange, missed);
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        for (int i = 0; answers.isPresent() && i < missed.size(); i++) {
            GtcClaimUnit unit = missed.get(i);
            GtcUnitAnswer answer = answers.get().get(i);
            if (unit.cacheKey() != null && GtcAnswerSplit.coveredByKey(unit, answer)) {
                entries.add(Map.entry(unit.cacheKey(), mapper.writeValueAsString(answer)));
            }
        }
        return entries;
    }

    /** What the check cost: the call it made (when it spent tokens) and the shares of the answers it reused. */
    public GtcCheckUsage usage(Exchange exchange) {
        GtcCheckAnswer answer = exchange.getProperty("gtcAnswer", GtcCheckAnswer.class);
        LlmCall called = answer == null || answer.promptTokens() + answer.completionTokens() == 0 ? null
                : new LlmCall(requests.model(), 1, answer.promptTokens(), answer.completionTokens(), 0);
        List<GtcUnitAnswer> reused = lookups(exchange).stream().filter(l -> !l.missed()).map(GtcUnitLookup::cached)
                .toList();
        LlmCall saved = reused.isEmpty() ? null : new LlmCall(reused.get(0).model(),
                reused.stream().mapToInt(GtcUnitAnswer::calls).sum(),
                reused.stream().mapToInt(GtcUnitAnswer::promptTokens).sum(),
                reused.stream().mapToInt(GtcUnitAnswer::completionTokens).sum(), 0);
        return new GtcCheckUsage(called, saved);
    }

    /** The report's gtc section from the lookups, the fetched documents and the claim units' answers. */
    @SuppressWarnings("unchecked")
    public GtcSection section(Exchange exchange) {
        List<GtcLookup> lookups = exchange.getProperty("gtcLookups", List.class);
        if (lookups == null || lookups.isEmpty()) {
            return GtcSection.skipped("The article mentions no product or contract term that needs a GTC document.");
        }
        List<GtcFetched> documents = exchange.getProperty("gtcFetched", List.class);
        if (documents.isEmpty() && lookups.stream().noneMatch(GtcLookup::degraded)) {
            return new GtcSection("SKIPPED", "Smart Search found no GTC document for the article's terms.", lookups,
                    List.of(), List.of(), List.of());
        }
        List<String> warnings = new ArrayList<>();
        lookups.stream().map(GtcLookup::warning).filter(w -> w != null).forEach(warnings::add);
        documents.stream().filter(d -> d.stale())
                .forEach(d -> warnings.add("GTC " + d.gtcId() + ": Smart Search unreachable, an expired cached PDF was used."));
        documents.stream().filter(d -> d.error() != null).forEach(d -> warnings.add("GTC " + d.gtcId() + ": " + d.error()));

        boolean checked = exchange.getProperty("gtcUnitLookups") != null;
        GtcCheckAnswer answer = exchange.getProperty("gtcAnswer", GtcCheckAnswer.class);
        String reason = degradedReason(lookups, documents, checked, answer);
        List<GtcFinding> findings = checked && (answer == null || answer.valid()) ? findings(exchange) : List.of();
        return new GtcSection(reason == null ? "VALIDATED" : "DEGRADED", reason, lookups, documents,
                List.copyOf(findings), warnings);
    }

    private static String degradedReason(List<GtcLookup> lookups, List<GtcFetched> documents, boolean checked,
                                         GtcCheckAnswer answer) {
        if (documents.stream().noneMatch(GtcFetched::usable)) {
            return lookups.stream().allMatch(l -> "none".equals(l.source()))
                    ? "Smart Search is unreachable in both regions and nothing is cached."
                    : "No GTC document could be read.";
        }
        if (!checked) {
            return "No LLM is configured, so the article's claims were not compared with the GTC passages.";
        }
        if (answer != null && !answer.valid()) {
            return "The claims could not be compared with the GTC: " + answer.problem();
        }
        if (lookups.stream().anyMatch(GtcLookup::degraded) || documents.stream().anyMatch(d -> d.stale() || !d.usable())) {
            return "Some GTC data came from stale caches or could not be read; see the warnings.";
        }
        return null;
    }

    /**
     * Every claim in article order: the reused units' cached claims and the asked units' new ones, each located in
     * its unit; when the answer could not be shared out over the asked units, its claims located in the whole article.
     */
    private List<GtcFinding> findings(Exchange exchange) {
        PlainText article = exchange.getProperty("articleText", PlainText.class);
        List<GtcClaimUnit> missed = missed(exchange);
        GtcCheckAnswer answer = exchange.getProperty("gtcAnswer", GtcCheckAnswer.class);
        Optional<List<List<GtcCheckAnswer.Claim>>> byUnit = answer == null ? Optional.empty()
                : GtcAnswerSplit.byUnit(missed, answer.findings());
        List<GtcFinding> findings = new ArrayList<>();
        for (GtcUnitLookup lookup : lookups(exchange)) {
            if (!lookup.missed()) {
                lookup.cached().claims().forEach(c -> findings.add(finding(article, lookup.unit(), c, true)));
            } else if (byUnit.isPresent()) {
                byUnit.get().get(missed.indexOf(lookup.unit()))
                        .forEach(c -> findings.add(finding(article, lookup.unit(), c, false)));
            }
        }
        if (answer != null && byUnit.isEmpty()) {
            answer.findings().forEach(c -> findings.add(finding(article, null, c, false)));
        }
        findings.sort(Comparator.comparing(GtcFinding::offset, Comparator.nullsLast(Comparator.naturalOrder())));
        return findings;
    }

    /** The claim located in its unit (in the whole article when the unit is null or does not hold it). */
    private static GtcFinding finding(PlainText article, GtcClaimUnit unit, GtcCheckAnswer.Claim claim,
                                      boolean reused) {
        String text = article.text();
        Optional<int[]> span = unit == null ? Optional.empty()
                : QuoteLocator.find(text.substring(0, unit.unit().end()), claim.quote(), unit.unit().start());
        if (span.isEmpty()) {
            span = QuoteLocator.find(text, claim.quote(), 0);
        }
        Integer offset = null;
        int length = 0;
        if (span.isPresent()) {
            int start = article.sourceOffset(span.get()[0]);
            offset = start;
            length = article.sourceEnd(span.get()[1]) - start;
        }
        GtcPassage p = claim.passage();
        return new GtcFinding(claim.quote(), offset, length, claim.verdict(), claim.explanation(),
                p == null ? null : p.gtcId(), p == null ? null : p.version(), p == null ? null : p.page(),
                p == null ? null : p.section(), reused);
    }

    /** The answer shared out over the asked units, when it is valid and every claim has exactly one unit. */
    private Optional<List<GtcUnitAnswer>> answered(Exchange exchange, List<GtcClaimUnit> missed) {
        GtcCheckAnswer answer = exchange.getProperty("gtcAnswer", GtcCheckAnswer.class);
        if (answer == null || !answer.valid() || missed.isEmpty()) {
            return Optional.empty();
        }
        return GtcAnswerSplit.byUnit(missed, answer.findings()).map(claims -> GtcAnswerSplit.shareOut(claims,
                exchange.getProperty("jobId", String.class), requests.model(), 1, answer.promptTokens(),
                answer.completionTokens()));
    }

    @SuppressWarnings("unchecked")
    private static List<GtcUnitLookup> lookups(Exchange exchange) {
        List<GtcUnitLookup> lookups = exchange.getProperty("gtcUnitLookups", List.class);
        return lookups == null ? List.of() : lookups;
    }

    private static List<GtcClaimUnit> missed(Exchange exchange) {
        return lookups(exchange).stream().filter(GtcUnitLookup::missed).map(GtcUnitLookup::unit).toList();
    }
}
