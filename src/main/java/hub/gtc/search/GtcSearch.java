package hub.gtc.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hub.article.PlainText;
import hub.article.TextHash;
import hub.guideline.GuidelineSet;
import hub.report.model.ComplianceReport.GtcSection;
import hub.report.model.GtcDocument;
import hub.report.model.GtcLookup;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The GTC lookup logic the routes call: which queries an article needs, the cache keys of the seed
 * ({@code gtc:metadata:{sha256(query)}@{region}}), Smart Search answers, and the report's {@code gtc} section.
 */
@Component("gtcSearch")
public class GtcSearch {

    private static final TypeReference<List<GtcDocument>> DOCUMENTS = new TypeReference<>() {};

    private final ObjectMapper mapper;
    private final boolean enabled;
    private final String region;
    private final int maxQueries;
    private final int top;

    public GtcSearch(ObjectMapper mapper,
                     @Value("${hub.smart-search.enabled:false}") boolean enabled,
                     @Value("${hub.region}") String region,
                     @Value("${hub.smart-search.max-queries:5}") int maxQueries,
                     @Value("${hub.smart-search.top:3}") int top) {
        this.mapper = mapper;
        this.enabled = enabled;
        this.region = region;
        this.maxQueries = maxQueries;
        this.top = top;
    }

    /** Why the job has no GTC validation, or null when it has one. */
    public String skipReason(Exchange exchange) throws JsonProcessingException {
        if (!options(exchange).path("gtcValidation").asBoolean(false)) {
            return "GTC validation was not requested (options.gtcValidation is false).";
        }
        if (!enabled) {
            return "GTC validation was requested, but Smart Search is not configured on this hub.";
        }
        return null;
    }

    /** The explicit {@code options.gtcQueries}, then every keyword of the guideline set the article mentions. */
    public List<String> queries(Exchange exchange) throws JsonProcessingException {
        Set<String> queries = new LinkedHashSet<>();
        options(exchange).path("gtcQueries").forEach(q -> queries.add(q.asText().trim()));
        GuidelineSet set = exchange.getProperty("guidelineSet", GuidelineSet.class);
        PlainText article = exchange.getProperty("articleText", PlainText.class);
        String text = article.text().toLowerCase(Locale.ROOT);
        for (String keyword : set.gtcKeywords()) {
            if (text.contains(keyword.toLowerCase(Locale.ROOT))) {
                queries.add(keyword);
            }
        }
        return new ArrayList<>(queries).subList(0, Math.min(queries.size(), maxQueries));
    }

    public GtcSection skipped(String reason) {
        return GtcSection.skipped(reason);
    }

    /** Sets the lookup's properties: the query, its metadata and stale-copy cache keys. */
    public void prepareLookup(Exchange exchange) {
        String query = exchange.getIn().getBody(String.class);
        String hash = TextHash.sha256Hex(query.trim().toLowerCase(Locale.ROOT));
        exchange.setProperty("gtcQuery", query);
        exchange.setProperty("gtcMetadataKey", "gtc:metadata:" + hash + "@" + region);
        exchange.setProperty("gtcStaleKey", "gtc:metadata-stale:" + hash + "@" + region);
    }

    /** The query string of a search request, URL-encoded. */
    public String searchQuery(String query) {
        return "q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&top=" + top;
    }

    public GtcLookup fromSearch(String query, String source, String responseJson) throws JsonProcessingException {
        JsonNode results = mapper.readTree(responseJson).path("results");
        if (!results.isArray()) {
            throw new IllegalStateException("Smart Search answered without a results array");
        }
        return new GtcLookup(query, source, mapper.convertValue(results, DOCUMENTS), null);
    }

    public GtcLookup fromCache(String query, String documentsJson, String source, String warning)
            throws JsonProcessingException {
        return new GtcLookup(query, source, mapper.readValue(documentsJson, DOCUMENTS), warning);
    }

    public GtcPdf pdf(byte[] bytes, String source) {
        return new GtcPdf(bytes, source);
    }

    /** Whether an HTTP status means the region failed: any error status but the 404 of a PDF that does not exist. */
    public boolean failed(int status, String operation) {
        return status >= 300 && !(status == 404 && "pdf".equals(operation));
    }

    /** Smart Search has no PDF for the document (HTTP 404): an answer, with no bytes. */
    public GtcPdf pdfNotFound(String source) {
        return new GtcPdf(null, source);
    }

    public GtcLookup none(String query) {
        return new GtcLookup(query, "none", List.of(), "Smart Search gave no answer (both regions unreachable, or the"
                + " shared rate limit reached) and no cached copy exists for this query.");
    }

    public String documentsJson(GtcLookup lookup) throws JsonProcessingException {
        return mapper.writeValueAsString(lookup.documents());
    }

    private JsonNode options(Exchange exchange) throws JsonProcessingException {
        Map<String, Object> row = exchange.getProperty("jobRow", Map.class);
        Object options = row == null ? null : row.get("options");
        return options == null ? mapper.createObjectNode() : mapper.readTree(options.toString());
    }
}
