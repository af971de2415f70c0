package hub.guideline.registry;

/**
 * A guideline set that cannot be used: its message is one line naming the file, the guideline and the field, and
 * stops the start-up (a half-loaded rule book is worse than none); {@link InvalidGuidelineSetFailureAnalyzer} prints
 * it without a stack trace.
 */
public class InvalidGuidelineSetException extends IllegalStateException {

    public InvalidGuidelineSetException(String message, Throwable cause) {
        super("Guideline set " + message, cause);
    }
}
