package hub.audit;

import hub.correlation.CorrelationIdFilter;
import hub.security.ApiFilter;
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

/**
 * Audits every call to {@code /api/**}, the ones refused by authentication or limits included, once its response
 * is complete (after the asynchronous Camel processing, when there is one). Runs after {@link CorrelationIdFilter}
 * and around Spring Security.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class AuditFilter extends ApiFilter {

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
        try {
            chain.doFilter(request, response);
        } finally {
            if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new AsyncListener() {
                    @Override
                    public void onComplete(AsyncEvent event) {
                        record(at, request, response);
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
                record(at, request, response);
            }
        }
    }

    private void record(Instant at, HttpServletRequest request, HttpServletResponse response) {
        Caller caller = callers.of(request);
        ApiRoutes.Match match = routes.match(request.getMethod(), request.getRequestURI());
        String resourceId = match.id() != null ? match.id() : ApiRoutes.idIn(response.getHeader("Location"));
        audit.record(new AuditRecord(at, caller == null ? null : caller.subject(), caller == null ? null : caller.tenant(),
                request.getMethod(), match.template(), resourceId, response.getStatus(),
                CorrelationIdFilter.of(request), request.getRemoteAddr()));
    }
}
