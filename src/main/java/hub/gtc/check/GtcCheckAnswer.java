package hub.gtc.check;

import java.util.List;

/**
 * The outcome of parsing one consistency-check response. When {@code valid} is false, {@code problem} says what was
 * wrong (suitable for {@link GtcCheckRequestFactory#reask}) and {@code findings} is empty; token counts are kept
 * either way so that tokens spent on invalid answers are still accounted.
 */
public record GtcCheckAnswer(
        boolean valid,
        String problem,
        List<Claim> findings,
        String assistantContent,
        int promptTokens,
        int completionTokens) {

    public static final String CONSISTENT = "CONSISTENT";
    public static final String CONTRADICTS = "CONTRADICTS";
    public static final String NOT_COVERED = "NOT_COVERED";

    public GtcCheckAnswer {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    static GtcCheckAnswer of(List<Claim> findings, String assistantContent, int promptTokens, int completionTokens) {
        return new GtcCheckAnswer(true, null, findings, assistantContent, promptTokens, completionTokens);
    }

    static GtcCheckAnswer invalid(String problem, String assistantContent, int promptTokens, int completionTokens) {
        return new GtcCheckAnswer(false, problem, List.of(), assistantContent, promptTokens, completionTokens);
    }

    /**
     * One claim of the article as the model quoted it (to be located in the article by the caller), with the passage
     * the verdict rests on: null exactly when the verdict is {@link #NOT_COVERED}.
     */
    public record Claim(String quote, GtcPassage passage, String verdict, String explanation) {
    }
}
