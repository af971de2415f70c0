package hub.audit;

import hub.problem.ContainerRefusals;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The audit record of a request Tomcat refused before any filter ran ({@link hub.problem.ProblemErrorReportValve}):
 * no caller, route {@value #ROUTE}, the status and problem type it was answered with, its correlation id.
 */
@Component
public class AuditedContainerRefusals implements ContainerRefusals {

    static final String ROUTE = "unparsed";

    private final AuditLog audit;

    public AuditedContainerRefusals(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void refused(String method, int status, String problemType, String correlationId, String clientIp) {
        audit.record(new AuditRecord(Instant.now(), null, null, method, ROUTE, null, status, correlationId, clientIp,
                problemType));
    }
}
