package hub.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Conversions of the values camel-sql returns for PostgreSQL columns. */
public final class SqlValues {

    private SqlValues() {
    }

    /** A {@code timestamptz} column as an Instant (the driver may give a Timestamp or an OffsetDateTime), or null. */
    public static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        return null;
    }
}
