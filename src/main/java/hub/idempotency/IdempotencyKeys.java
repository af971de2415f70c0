package hub.idempotency;

import hub.article.TextHash;
import hub.problem.ProblemException;
import hub.security.Caller;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code Idempotency-Key} on {@code POST /api/v1/jobs} and {@code /api/v1/batches}, kept in PostgreSQL
 * ({@code idempotency_keys}) per tenant, subject and kind for {@code hub.api.idempotency-hours}. {@link #check}
 * runs before anything is stored: a key seen with the same body sets the property {@code replayId} (the job or
 * batch it created); with another body it is a 422 problem. A new key leaves the properties {@code idempotencyKey}
 * and {@code requestSha256} for the insert that records it with the resource.
 */
@Component("idempotencyKeys")
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    static final int MAX_KEY_CHARS = 255;

    private final JdbcTemplate jdbc;
    private final int hours;

    public IdempotencyKeys(JdbcTemplate jdbc, @Value("${hub.api.idempotency-hours:24}") int hours) {
        this.jdbc = jdbc;
        this.hours = hours;
    }

    public void check(Exchange exchange, String kind) {
        exchange.removeProperty("replayId");
        String key = exchange.getIn().getHeader(HEADER, String.class);
        if (key == null) {
            return;
        }
        if (key.isEmpty() || key.length() > MAX_KEY_CHARS || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw ProblemException.badRequest(HEADER + " must be 1 to " + MAX_KEY_CHARS
                    + " visible ASCII characters.");
        }
        Caller caller = exchange.getProperty("caller", Caller.class);
        String sha256 = TextHash.sha256Hex(exchange.getIn().getBody(String.class));
        jdbc.update("DELETE FROM idempotency_keys WHERE tenant = ? AND subject = ? AND kind = ? AND idem_key = ?"
                + " AND created_at <= now() - make_interval(hours => ?)",
                caller.tenant(), caller.subject(), kind, key, hours);
        List<Map<String, Object>> seen = jdbc.queryForList("SELECT request_sha256, CAST(resource_id AS text) AS id"
                + " FROM idempotency_keys WHERE tenant = ? AND subject = ? AND kind = ? AND idem_key = ?",
                caller.tenant(), caller.subject(), kind, key);
        if (seen.isEmpty()) {
            exchange.setProperty("idempotencyKey", key);
            exchange.setProperty("requestSha256", sha256);
            return;
        }
        if (!sha256.equals(seen.get(0).get("request_sha256"))) {
            throw new ProblemException(422, "idempotency-key-reused", "Idempotency-Key reused",
                    "This " + HEADER + " was used within " + hours + " h for a different request body.",
                    Map.of(kind + "Id", seen.get(0).get("id")));
        }
        exchange.setProperty("replayId", seen.get(0).get("id"));
    }

    /** Records a new key with the resource it created; a key recorded meanwhile is kept. */
    public void record(Exchange exchange, String kind, String resourceId) {
        String key = exchange.getProperty("idempotencyKey", String.class);
        if (key == null) {
            return;
        }
        Caller caller = exchange.getProperty("caller", Caller.class);
        jdbc.update("INSERT INTO idempotency_keys (tenant, subject, kind, idem_key, request_sha256, resource_id)"
                + " VALUES (?, ?, ?, ?, ?, CAST(? AS uuid)) ON CONFLICT DO NOTHING",
                caller.tenant(), caller.subject(), kind, key, exchange.getProperty("requestSha256"), resourceId);
    }
}
