package hub.audit;

import hub.correlation.CorrelationIdFilter;
import hub.problem.ProblemException;
import hub.problem.RefusedRequests;
import hub.problem.ServletProblems;
import hub.security.Caller;
import hub.security.Callers;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Audits every call to {@code /api/**} and {@code /auth/**}, and every refused call (4xx, 5xx) to any other path,
 * once its response is complete (after the asynchronous Camel processing, when there is one). Runs after
 * {@link CorrelationIdFilter} and around Spring Security. A failure that escapes the chain is recorded with the
 * status its problem will have ({@link RefusedRequests}), not the 200 the response still holds at that moment.
 * What Tomcat refuses before any filter is audited by {@link hub.problem.ProblemErrorReportValve}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class AuditFilter extends OncePerRequestFilter {

    private final AuditLog audit;
    private final Callers callers;
    private final ApiRoutes routes;

    public AuditFilter(AuditLog audit, Callers callers, ApiRoutes routes) {
        this.audit = audit;
        this.callers = callers;
        this.routes = routes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Instant at = Instant.now();
        Throwable failure = null;
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            ProblemException escaped = failure == null ? null : RefusedRequests.problemFor(failure, 500);
            if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new AsyncListener() {
                    @Override
                    public void onComplete(AsyncEvent event) {
                        record(at, request, response, null);
                    }

                    @Override
                    public void onTimeout(AsyncEvent event) {
                        // onComplete follows.
                    }

                    @Override
                    public void onError(AsyncEvent event) {
                        // onComplete follows.
                    }

                    @Override
                    public void onStartAsync(AsyncEvent event) {
                        // Not re-registered.
                    }
                });
            } else {
                record(at, request, response, escaped);
            }
        }
    }

    private void record(Instant at, HttpServletRequest request, HttpServletResponse response, ProblemException escaped) {
        int status = escaped != null ? escaped.status() : response.getStatus();
        String path = request.getRequestURI();
        if (status < 400 && !path.startsWith("/api/") && !path.startsWith("/auth/")) {
            return;
        }
        Caller caller = callers.of(request);
        ApiRoutes.Match match = routes.match(request.getMethod(), path);
        String resourceId = match.id() != null ? match.id() : ApiRoutes.idIn(response.getHeader("Location"));
        Object problem = request.getAttribute(ServletProblems.TYPE_ATTRIBUTE);
        audit.record(new AuditRecord(at, caller == null ? null : caller.subject(), caller == null ? null : caller.tenant(),
                request.getMethod(), match.template(), resourceId, status, CorrelationIdFilter.of(request),
                request.getRemoteAddr(), escaped != null ? escaped.type() : problem == null ? null : problem.toString()));
    }
}
