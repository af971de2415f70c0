package hub.security;

import hub.problem.ProblemException;
import hub.problem.ServletProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Enumeration;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Screens every header of an API, login or actuator call at once, with the firewall's rule
 * ({@link RequestScreeningConfig}: assigned code points, no control characters; Tomcat reads header bytes as
 * ISO-8859-1, so UTF-8 text such as "grüße" holds C1 controls), before anything reads one: the firewall would throw
 * only when a header is read, which for the REST routes happens in Camel's binding, outside every error handler.
 * A refused header is a 400 {@code invalid-header} that names the header (when its name is a plain token) and never
 * its value. Runs after the correlation id and the audit filters, so the refusal is audited.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class RequestHeaders extends OncePerRequestFilter {

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final ServletProblems problems;

    public RequestHeaders(ServletProblems problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return SecurityConfig.isConsole(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refused = firstRefused(request);
        if (refused != null) {
            problems.write(request, response, invalidHeader(refused));
            return;
        }
        chain.doFilter(request, response);
    }

    /** The name of the first header whose name or value the firewall would refuse, or null. */
    static String firstRefused(HttpServletRequest request) {
        Enumeration<String> names = request.getHeaderNames();
        while (names != null && names.hasMoreElements()) {
            String name = names.nextElement();
            if (!RequestScreeningConfig.assignedAndNotControl(name)) {
                return name;
            }
            Enumeration<String> values = request.getHeaders(name);
            while (values.hasMoreElements()) {
                if (!RequestScreeningConfig.assignedAndNotControl(values.nextElement())) {
                    return name;
                }
            }
        }
        return null;
    }

    /** 400 invalid-header; {@code name} only when it is a plain header name (never the value). */
    static ProblemException invalidHeader(String name) {
        boolean plain = name != null && PLAIN_NAME.matcher(name).matches();
        String which = plain ? "The header " + name : "A header";
        return new ProblemException(400, "invalid-header", "Invalid header", which + " holds a control character "
                + "(tab included), a byte 0x80-0x9F or an unassigned code point; header values are plain text "
                + "(ISO-8859-1 without control characters) and are never repeated in an answer.",
                plain ? Map.of("header", name) : Map.of());
    }
}
