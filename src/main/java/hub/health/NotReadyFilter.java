package hub.health;

import hub.problem.ProblemException;
import hub.problem.ServletProblems;
import hub.security.ApiFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The web server takes requests a few seconds before the API's routes exist (Tomcat starts before Camel has added
 * them), and again while the hub shuts down: {@code /api/**} answers 503 {@code not-ready} with Retry-After then,
 * instead of a 404 that reads as a wrong path. Runs after the correlation id and audit filters, so such a call is
 * audited too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class NotReadyFilter extends ApiFilter {

    static final String RETRY_AFTER_SECONDS = "5";

    private final ApplicationAvailability availability;
    private final ServletProblems problems;

    public NotReadyFilter(ApplicationAvailability availability, ServletProblems problems) {
        this.availability = availability;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        problems.write(request, response, new ProblemException(503, "not-ready", "Not ready",
                "The hub is starting or stopping and does not take API calls yet; retry after "
                        + RETRY_AFTER_SECONDS + " s."));
    }
}
