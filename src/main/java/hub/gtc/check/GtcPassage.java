package hub.gtc.check;

/**
 * One excerpt of a GTC document selected for the consistency check. Everything in it comes from Smart Search or the
 * PDF, so it is untrusted data. {@code version} and {@code section} may be null; {@code page} is 1-based.
 */
public record GtcPassage(String gtcId, String version, int page, String section, String heading, String text) {
}
