package hub.report.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An article claim compared with the GTC: the claim located in the submitted text ({@code offset} and
 * {@code length} in UTF-16 code units, null when the quote could not be found), the GTC evidence and the verdict
 * (CONSISTENT, CONTRADICTS or NOT_COVERED). {@code reused}: the claim comes from the unit cache, from an earlier check of
 * its unchanged claim unit with the same passages (ADR 0015), not from this check's model call.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GtcFinding(String quote, Integer offset, int length, String verdict, String explanation,
                         String gtcId, String version, Integer page, String section, boolean reused) {}
