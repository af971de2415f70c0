package hub.gtc.search;

import hub.article.PlainText;
import hub.article.QuoteLocator;
import hub.gtc.Passage;
import hub.gtc.PassageRanker;
import hub.gtc.check.GtcCheckAnswer;
import hub.gtc.check.GtcCheckParser;
import hub.gtc.check.GtcCheckRequestFactory;
import hub.gtc.check.GtcPassage;
import hub.report.ComplianceReport.GtcSection;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Compares an article's claims with the relevant GTC passages: ranks passages per claim sentence (BM25), asks the
 * LLM for a verdict per claim, locates each quoted claim in the article, and builds the report's {@code gtc} section.
 */
@Component("gtcConsistency")
public class GtcConsistency {

    private final PassageRanker ranker;
    private final GtcCheckRequestFactory requests;
    private final GtcCheckParser parser;
    private final int passagesPerClaim;
    private final int maxPassages;
    private final com.fasterxml.jackson.databind.ObjectMapper mapper;
    private final boolean cacheEnabled;

    public GtcConsistency(PassageRanker ranker, GtcCheckRequestFactory requests, GtcCheckParser parser,
                          com.fasterxml.jackson.databind.ObjectMapper mapper,
                          @Value("${hub.gtc.passages-per-claim:2}") int passagesPerClaim,
                          @Value("${hub.gtc.max-passages:6}") int maxPassages,
                          @Value("${hub.incremental.enabled:true}") boolean cacheEnabled) {
        this.ranker = ranker;
        this.requests = requests;
        this.parser = parser;
        this.mapper = mapper;
        this.passagesPerClaim = passagesPerClaim;
        this.maxPassages = maxPassages;
        this.cacheEnabled = cacheEnabled;
    }

    /**
     * The passages for the prompt: for every sentence of the article that mentions a looked-up term or a number,
     * the best passages of every readable document, best first, at most hub.gtc.max-passages.
     */
    @SuppressWarnings("unchecked")
    public List<GtcPassage> passages(Exchange exchange) {
        PlainText article = exchange.getProperty("articleText", PlainText.class);
        List<GtcLookup> lookups = exchange.getProperty("gtcLookups", List.class);
        List<GtcFetched> documents = exchange.getProperty("gtcFetched", List.class);
        Map<String, Passage> best = new LinkedHashMap<>();
        Map<String, String> versions = new LinkedHashMap<>();
        for (String claim : claims(article.text(), lookups)) {
            for (GtcFetched document : documents) {
                if (!document.usable()) {
                    continue;
                }
                versions.put(document.gtcId(), document.version());
                for (Passage p : ranker.top(document.text(), claim, passagesPerClaim)) {
                    best.merge(p.gtcId() + "|" + p.page() + "|" + p.section() + "|" + p.text(), p,
                            (a, b) -> a.score() >= b.score() ? a : b);
                }
            }
        }
        return best.values().stream()
                .sorted(Comparator.comparingDouble(Passage::score).reversed())
                .limit(maxPassages)
                .map(p -> new GtcPassage(p.gtcId(), versions.get(p.gtcId()), p.page(), p.section(), p.heading(), p.text()))
                .toList();
    }

    /** Whether any document could be read, so that asking the LLM can be worth it. */
    @SuppressWarnings("unchecked")
    public boolean hasReadableDocuments(Exchange exchange) {
        List<GtcFetched> documents = exchange.getProperty("gtcFetched", List.class);
        return documents != null && documents.stream().anyMatch(GtcFetched::usable);
    }

    /**
     * The chat request: the article's claim units (the paragraphs with a sentence that mentions a looked-up term or a
     * number, in article order; the whole text when there are none) and the passages. Sending only the claim units
     * keeps the request, and so its cached answer, the same when the writer edits any other paragraph.
     */
    @SuppressWarnings("unchecked")
    public String request(Exchange exchange) {
        List<GtcPassage> passages = passages(exchange);
        exchange.setProperty("gtcPassages", passages);
        PlainText article = exchange.getProperty("articleText", PlainText.class);
        String request = requests.request(claimUnits(article.text(), exchange.getProperty("gtcLookups", List.class)),
                passages);
        exchange.setProperty("gtcRequest", request);
        return request;
    }

    /**
     * The unit-cache key of the GTC check of this job (its tenant, the hash of the request it would send, which holds
     * the claim units and the passages with their GTC ids and versions, and the prompt version), or null when the
     * unit cache is off.
     */
    @SuppressWarnings("unchecked")
    public String cacheKey(Exchange exchange) {
        if (!cacheEnabled) {
            return null;
        }
        Map<String, Object> row = exchange.getProperty("jobRow", Map.class);
        String tenant = row == null ? "default" : String.valueOf(row.get("submitter_tenant"));
        return "unit-verdict:" + tenant + ":gtc:" + hub.article.TextHash.sha256Hex(
                GtcCheckRequestFactory.PROMPT_VERSION + "\n" + request(exchange));
    }

    /**
     * The cached check answer in the body, or null on a miss or an unreadable entry; sets {@code gtcAnswerReused}.
     */
    public GtcCheckAnswer fromCache(Exchange exchange) {
        String json = exchange.getIn().getBody(String.class);
        GtcCheckAnswer answer = null;
        try {
            answer = json == null ? null : mapper.readValue(json, GtcCheckAnswer.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            answer = null;
        }
        exchange.setProperty("gtcAnswerReused", answer != null);
        return answer;
    }

    public String toCache(GtcCheckAnswer answer) throws com.fasterxml.jackson.core.JsonProcessingException {
        return mapper.writeValueAsString(answer);
    }

    static String claimUnits(String text, List<GtcLookup> lookups) {
        List<String> units = new ArrayList<>();
        for (hub.article.ArticleUnits.Unit u : hub.article.ArticleUnits.of(text)) {
            if (!claims(u.text(text), lookups).isEmpty()) {
                units.add(u.text(text));
            }
        }
        return units.isEmpty() ? text : String.join("\n\n", units);
    }

    @SuppressWarnings("unchecked")
    public GtcCheckAnswer parse(Exchange exchange) {
        return parser.parse(exchange.getIn().getBody(String.class), exchange.getProperty("gtcPassages", List.class));
    }

    public String reask(Exchange exchange) {
        GtcCheckAnswer invalid = exchange.getIn().getBody(GtcCheckAnswer.class);
        return requests.reask(exchange.getProperty("gtcRequest", String.class), invalid.assistantContent(),
                invalid.problem());
    }

    public GtcCheckAnswer unavailable(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String why = cause == null ? "the circuit breaker is open" : cause.getMessage();
        return new GtcCheckAnswer(false, "LLM unavailable: " + why, List.of(), null, 0, 0);
    }

    /** The report's gtc section from the lookups, the fetched documents and the LLM's answer (null without LLM). */
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
        GtcCheckAnswer answer = exchange.getProperty("gtcAnswer", GtcCheckAnswer.class);
        PlainText article = exchange.getProperty("articleText", PlainText.class);

        List<String> warnings = new ArrayList<>();
        lookups.stream().map(GtcLookup::warning).filter(w -> w != null).forEach(warnings::add);
        documents.stream().filter(d -> d.stale())
                .forEach(d -> warnings.add("GTC " + d.gtcId() + ": Smart Search unreachable, an expired cached PDF was used."));
        documents.stream().filter(d -> d.error() != null).forEach(d -> warnings.add("GTC " + d.gtcId() + ": " + d.error()));

        List<GtcFinding> findings = answer != null && answer.valid() ? locate(article, answer) : List.of();
        String reason = degradedReason(lookups, documents, answer);
        return new GtcSection(reason == null ? "VALIDATED" : "DEGRADED", reason, lookups, documents,
                List.copyOf(findings), warnings);
    }

    private static String degradedReason(List<GtcLookup> lookups, List<GtcFetched> documents, GtcCheckAnswer answer) {
        if (documents.stream().noneMatch(GtcFetched::usable)) {
            return lookups.stream().allMatch(l -> "none".equals(l.source()))
                    ? "Smart Search is unreachable in both regions and nothing is cached."
                    : "No GTC document could be read.";
        }
        if (answer == null) {
            return "No LLM is configured, so the article's claims were not compared with the GTC passages.";
        }
        if (!answer.valid()) {
            return "The claims could not be compared with the GTC: " + answer.problem();
        }
        if (lookups.stream().anyMatch(GtcLookup::degraded) || documents.stream().anyMatch(d -> d.stale() || !d.usable())) {
            return "Some GTC data came from stale caches or could not be read; see the warnings.";
        }
        return null;
    }

    private static List<GtcFinding> locate(PlainText article, GtcCheckAnswer answer) {
        List<GtcFinding> findings = new ArrayList<>();
        for (GtcCheckAnswer.Claim claim : answer.findings()) {
            var span = QuoteLocator.find(article.text(), claim.quote(), 0);
            Integer offset = null;
            int length = 0;
            if (span.isPresent()) {
                int start = article.sourceOffset(span.get()[0]);
                offset = start;
                length = article.sourceEnd(span.get()[1]) - start;
            }
            GtcPassage p = claim.passage();
            findings.add(new GtcFinding(claim.quote(), offset, length, claim.verdict(), claim.explanation(),
                    p == null ? null : p.gtcId(), p == null ? null : p.version(), p == null ? null : p.page(),
                    p == null ? null : p.section()));
        }
        return findings;
    }

    /** Article sentences worth checking: those naming a looked-up term or carrying a number. */
    static List<String> claims(String text, List<GtcLookup> lookups) {
        List<String> terms = lookups.stream().map(l -> l.query().toLowerCase(Locale.ROOT)).toList();
        List<String> claims = new ArrayList<>();
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        sentences.setText(text);
        for (int start = sentences.first(), end = sentences.next(); end != BreakIterator.DONE;
             start = end, end = sentences.next()) {
            String sentence = text.substring(start, end).strip();
            String lower = sentence.toLowerCase(Locale.ROOT);
            if (sentence.chars().anyMatch(Character::isDigit) || terms.stream().anyMatch(lower::contains)) {
                claims.add(sentence);
            }
        }
        return claims;
    }
}
