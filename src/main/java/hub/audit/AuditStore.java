package hub.audit;

import java.io.IOException;
import java.time.LocalDate;

/** Where audit lines go: appended, never rewritten, one log per UTC day. */
public interface AuditStore {

    /** Appends complete JSON lines to the day's log; throws when nothing was appended. */
    void append(LocalDate day, byte[] lines) throws IOException;
}
