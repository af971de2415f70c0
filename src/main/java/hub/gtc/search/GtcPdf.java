package hub.gtc.search;

/** A GTC PDF downloaded from Smart Search, with the region role that served it. */
public record GtcPdf(byte[] bytes, String source) {}
