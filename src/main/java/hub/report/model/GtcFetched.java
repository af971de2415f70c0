package hub.report.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import hub.gtc.GtcText;

/**
 * One GTC document as the validation used it: where its PDF came from ({@code blob}, {@code primary},
 * {@code secondary}, {@code stale-blob} or {@code none}), its pages, and the error when it could not be read.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GtcFetched(String gtcId, String title, String version, String source, boolean stale, Integer pages,
                         String error, @JsonIgnore GtcText text) {

    public boolean usable() {
        return text != null;
    }
}
