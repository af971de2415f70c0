package hub.gtc;

/**
 * A passage of a GTC document that is relevant to a claim.
 *
 * @param gtcId   the document the passage comes from
 * @param page    the page on which the passage's section starts
 * @param section the section number as printed ("4.2", "§ 7"), or null before the first numbered heading
 * @param heading the section heading, or null
 * @param text    the passage text, at most the ranker's {@code maxChars} long
 * @param score   the BM25 score of the passage for the claim, always {@code > 0}
 */
public record Passage(String gtcId, int page, String section, String heading, String text, double score) {
}
