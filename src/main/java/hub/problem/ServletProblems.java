package hub.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import hub.correlation.CorrelationIdFilter;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;

/**
 * Writes a problem from a servlet filter (authentication, rate and size limits) or the error page, as the API routes
 * do: with the call's correlation id in {@code X-Correlation-ID} and in the document.
 */
@Component
public class ServletProblems {

    /** The request attribute holding the slug of the problem a call was answered with (read by the audit filter). */
    public static final String TYPE_ATTRIBUTE = "hub.problem.type";

    private final ObjectMapper mapper;

    public ServletProblems(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ProblemException problem)
            throws IOException {
        String correlationId = CorrelationIdFilter.of(request);
        if (correlationId != null) {
            response.setHeader(CorrelationIdFilter.HEADER, correlationId);
        }
        request.setAttribute(TYPE_ATTRIBUTE, problem.type());
        response.setStatus(problem.status());
        response.setContentType("application/problem+json");
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        // A path refused for what it holds is not repeated, not even as the instance.
        String instance = "invalid-path".equals(problem.type()) ? null
                : original instanceof String uri ? uri : request.getRequestURI();
        mapper.writeValue(response.getOutputStream(), ProblemResponder.document(problem, instance, correlationId));
    }
}
