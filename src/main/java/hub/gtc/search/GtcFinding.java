package hub.gtc.search;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An article claim compared with the GTC: the claim located in the submitted text ({@code offset} and
 * {@code length} in UTF-16 code units, null when the quote could not be found), the GTC evidence and the verdict
 * (CONSISTENT, CONTRADICTS or NOT_COVERED).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GtcFinding(String quote, Integer offset, int length, String verdict, String explanation,
                         String gtcId, String version, Integer page, String section) {}
