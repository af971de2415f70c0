package hub.gtc;

/** A GTC PDF that cannot be turned into text: corrupt, encrypted, empty, too large or without extractable text. */
public class GtcDocumentException extends RuntimeException {

    public GtcDocumentException(String message) {
        super(message);
    }

    public GtcDocumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
