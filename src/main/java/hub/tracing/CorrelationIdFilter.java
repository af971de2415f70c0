package hub.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Accepts the caller's {@code X-Correlation-ID} (or generates one) and carries it through the request: in the logs'
 * MDC ({@code correlation_id}), on the server span as the attribute {@code correlation_id}, as the request header
 * the routes see (the job message keeps it as a header, so the worker logs and tags it too, see
 * {@link JobLogContext}), and back in the response header. A minimal form until the security issue formalizes
 * correlation ids: a value that is too long or has unexpected characters is replaced, not trusted.
 */
@Component
public class CorrelationIdFilter extends OncePerRequestFilter implements Ordered {

    public static final String HEADER = "X-Correlation-ID";
    public static final String MDC_KEY = "correlation_id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]+");

    private final Tracer tracer;
    private final int maxLength;

    public CorrelationIdFilter(Tracer tracer, @Value("${hub.tracing.correlation-id-max-length:128}") int maxLength) {
        this.tracer = tracer;
        this.maxLength = maxLength;
    }

    /** Right after Spring's server observation filter, so the request's span is current. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    /** The caller's id when it is acceptable, else a new UUID. */
    public String accept(String candidate) {
        if (candidate != null && !candidate.isEmpty() && candidate.length() <= maxLength
                && SAFE.matcher(candidate).matches()) {
            return candidate;
        }
        return UUID.randomUUID().toString();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = accept(request.getHeader(HEADER));
        response.setHeader(HEADER, id);
        Span span = tracer.currentSpan();
        if (span != null) {
            span.tag(MDC_KEY, id);
        }
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(new WithCorrelationId(request, id), response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    /** The request as the routes see it: with the accepted id in its header. */
    private static final class WithCorrelationId extends HttpServletRequestWrapper {

        private final String id;

        WithCorrelationId(HttpServletRequest request, String id) {
            super(request);
            this.id = id;
        }

        @Override
        public String getHeader(String name) {
            return HEADER.equalsIgnoreCase(name) ? id : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HEADER.equalsIgnoreCase(name) ? Collections.enumeration(java.util.List.of(id)) : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            java.util.Set<String> names = new java.util.LinkedHashSet<>(Collections.list(super.getHeaderNames()));
            names.removeIf(HEADER::equalsIgnoreCase);
            names.add(HEADER);
            return Collections.enumeration(names);
        }
    }
}
