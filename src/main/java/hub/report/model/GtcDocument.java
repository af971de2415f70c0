package hub.report.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** GTC metadata as Smart Search returns it (see openapi/smart-search.yaml). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record GtcDocument(String id, String title, String product, String version, String effectiveFrom,
                          String effectiveTo, String language, String pdfId, String pdfUrl) {}
