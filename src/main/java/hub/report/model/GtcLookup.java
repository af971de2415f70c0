package hub.report.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The outcome of one metadata lookup: the documents, where they came from ({@code cache}, {@code primary},
 * {@code secondary}, {@code stale} or {@code none}) and a warning when the answer is degraded.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GtcLookup(String query, String source, List<GtcDocument> documents, String warning) {

    public GtcLookup {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    public boolean degraded() {
        return "stale".equals(source) || "none".equals(source);
    }
}
