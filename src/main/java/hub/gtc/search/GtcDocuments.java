package hub.gtc.search;

import hub.gtc.GtcDocumentException;
import hub.gtc.GtcText;
import hub.gtc.PdfTextExtractor;
import hub.report.model.GtcDocument;
import hub.report.model.GtcFetched;
import hub.report.model.GtcLookup;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The GTC PDF side of validation: which documents to fetch, their blob ({@code gtc-cache/{gtcId}.pdf} with
 * {@code cached_at} and {@code expires_at} metadata), the Redis location key ({@code gtc:location:{gtcId}@{region}})
 * and the text of each PDF.
 */
@Component("gtcDocuments")
public class GtcDocuments {

    static final String METADATA_HEADER = "CamelAzureStorageBlobMetadata";

    private final PdfTextExtractor extractor;
    private final String region;
    private final String pdfPath;
    private final Duration pdfTtl;
    private final int maxDocuments;

    public GtcDocuments(PdfTextExtractor extractor,
                        @Value("${hub.region}") String region,
                        @Value("${hub.smart-search.pdf-path:/documents/{pdfId}/pdf}") String pdfPath,
                        @Value("${hub.smart-search.pdf-ttl-days:30}") long pdfTtlDays,
                        @Value("${hub.smart-search.max-documents:3}") int maxDocuments) {
        this.extractor = extractor;
        this.region = region;
        this.pdfPath = pdfPath;
        this.pdfTtl = Duration.ofDays(pdfTtlDays);
        this.maxDocuments = maxDocuments;
    }

    /** The distinct documents of all lookups, in the order found, at most hub.smart-search.max-documents. */
    @SuppressWarnings("unchecked")
    public List<GtcDocument> toFetch(Exchange exchange) {
        Map<String, GtcDocument> documents = new LinkedHashMap<>();
        for (GtcLookup lookup : (List<GtcLookup>) exchange.getProperty("gtcLookups", List.class)) {
            lookup.documents().forEach(d -> documents.putIfAbsent(d.id(), d));
        }
        return documents.values().stream().limit(maxDocuments).toList();
    }

    /** Sets the properties and blob headers of one document's fetch; the body is the {@link GtcDocument}. */
    public void prepare(Exchange exchange) {
        GtcDocument document = exchange.getIn().getBody(GtcDocument.class);
        exchange.setProperty("gtcDocument", document);
        exchange.setProperty("gtcLocationKey", "gtc:location:" + document.id() + "@" + region);
        String pdfId = document.pdfId() != null ? document.pdfId() : document.id();
        exchange.setProperty("smartSearchPath",
                pdfPath.replace("{pdfId}", URLEncoder.encode(pdfId, StandardCharsets.UTF_8).replace("+", "%20")));
        exchange.setProperty("smartSearchOperation", "pdf");
        exchange.setProperty("cachedPdf", null);
        exchange.setProperty("cachedPdfFresh", false);
    }

    public String blobName(GtcDocument document) {
        return document.id() + ".pdf";
    }

    /** Whether a cached PDF (the body, with its blob metadata header) has not reached its expires_at. */
    public boolean fresh(Exchange exchange) {
        Map<?, ?> metadata = exchange.getIn().getHeader(METADATA_HEADER, Map.class);
        Object expiresAt = metadata == null ? null : metadata.get("expires_at");
        return expiresAt != null && Instant.parse(expiresAt.toString()).isAfter(Instant.now());
    }

    /** The blob metadata of a PDF cached now. */
    public Map<String, String> metadata() {
        Instant now = Instant.now();
        return Map.of("cached_at", now.toString(), "expires_at", now.plus(pdfTtl).toString());
    }

    public String location(GtcDocument document) {
        return "{\"blob\":\"gtc-cache/" + blobName(document) + "\",\"cached_at\":\"" + Instant.now() + "\"}";
    }

    /** The document read from the given PDF bytes; an unreadable PDF is an error of this document only. */
    public GtcFetched read(GtcDocument document, byte[] pdf, String source, boolean stale) {
        if (pdf == null) {
            return new GtcFetched(document.id(), document.title(), document.version(), source, stale, null,
                    "Smart Search has no PDF for this document (HTTP 404).", null);
        }
        try {
            GtcText text = extractor.extract(document.id(), pdf);
            return new GtcFetched(document.id(), document.title(), document.version(), source, stale, text.pages(),
                    null, text);
        } catch (GtcDocumentException e) {
            return new GtcFetched(document.id(), document.title(), document.version(), source, stale, null,
                    e.getMessage(), null);
        }
    }

    public GtcFetched unavailable(GtcDocument document) {
        return new GtcFetched(document.id(), document.title(), document.version(), "none", false, null,
                "The PDF is not cached and Smart Search is unreachable in both regions.", null);
    }
}
