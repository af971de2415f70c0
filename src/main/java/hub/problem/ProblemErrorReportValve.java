package hub.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import hub.correlation.CorrelationIdFilter;
import java.io.IOException;
import java.util.Locale;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tomcat's error page for what it refuses before any filter or route sees the request (a NUL or an invalid
 * percent-encoding in the URL, a malformed request line, a bare CR or NUL in a header, headers above
 * {@code server.max-http-request-header-size}): the same problem document as every other error of the hub, with a
 * correlation id (the caller's when it sent a valid one, else a new one, also in {@code X-Correlation-ID}), and the
 * same audit record ({@link ContainerRefusals}). Tomcat's own rules decide when it reports: only errors with nothing
 * written yet; what reached the application is answered by {@link ProblemErrorController} instead.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorReportValve.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ContainerRefusals refusals;

    /** Tomcat instantiates the class by name when no instance was installed: problems without audit records. */
    public ProblemErrorReportValve() {
        this(null);
    }

    public ProblemErrorReportValve(ContainerRefusals refusals) {
        this.refusals = refusals;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ProblemException problem = problem(status, response.getCoyoteResponse().getErrorException());
        String correlationId = CorrelationIdFilter.idFor(header(request, CorrelationIdFilter.HEADER));
        try {
            response.setHeader(CorrelationIdFilter.HEADER, correlationId);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            byte[] body = JSON.writeValueAsBytes(ProblemResponder.document(problem, null, correlationId));
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response was committed meanwhile: nothing left to tell it.
        } finally {
            audit(request, problem, correlationId);
        }
    }

    private void audit(Request request, ProblemException problem, String correlationId) {
        if (refusals == null) {
            return;
        }
        try {
            String method = request.getCoyoteRequest().method().toString();
            refusals.refused(method.isEmpty() || method.length() > 16 ? null : method, problem.status(), problem.type(),
                    correlationId, request.getRemoteAddr());
        } catch (RuntimeException e) {
            log.error("Audit record of a request refused by Tomcat could not be written", e);
        }
    }

    /** A header of a request Tomcat may have stopped parsing half-way, or null. */
    private static String header(Request request, String name) {
        try {
            return request.getCoyoteRequest().getHeader(name);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static ProblemException problem(int status, Throwable cause) {
        String reason = cause == null || cause.getMessage() == null ? ""
                : cause.getMessage().toLowerCase(Locale.ROOT);
        if (status == 400 && reason.contains("too large")) {
            return new ProblemException(400, "headers-too-large", "Request headers too large", "The request line and "
                    + "headers are larger than the server accepts (server.max-http-request-header-size); they were "
                    + "not read.");
        }
        if (status == 400) {
            return new ProblemException(400, "malformed-request", "Bad Request", "The request could not be read: its "
                    + "URL, request line or headers are malformed or too large (for example an encoded NUL or an "
                    + "invalid percent-encoding in the path, a bare CR or NUL in a header, or headers above "
                    + "server.max-http-request-header-size). Nothing of it is repeated here.");
        }
        return RefusedRequests.ofStatus(status);
    }
}
