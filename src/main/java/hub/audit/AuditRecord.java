package hub.audit;

import java.time.Instant;

/**
 * One API call in the audit log: who (subject, tenant; null when unauthenticated), what (method, route template, the
 * job or batch id), when, the outcome (HTTP status and, for a refused call, the problem type's slug), the
 * correlation id and the client's address. Never the article, a header value or a token.
 */
public record AuditRecord(Instant at, String subject, String tenant, String method, String route, String resourceId,
                          int status, String correlationId, String clientIp, String problem) {
}
