package hub.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;

/**
 * An API call whose route outlived the servlet's async timeout (e.g. a very large batch on a busy instance): the
 * route still finishes and stores what it accepted, so the caller is told to retry with the same Idempotency-Key,
 * which answers the stored outcome without creating anything twice. Without this, Spring answers a bare 503.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AsyncTimeoutProblems {

    private final ServletProblems problems;
    private final long timeoutMs;

    public AsyncTimeoutProblems(ServletProblems problems,
                                @Value("${spring.mvc.async.request-timeout:30s}") java.time.Duration timeout) {
        this.problems = problems;
        this.timeoutMs = timeout.toMillis();
    }

    @ExceptionHandler(AsyncRequestTimeoutException.class)
    public void timedOut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setHeader("Retry-After", "5");
        problems.write(request, response, new ProblemException(503, "still-processing", "Still processing",
                "The request did not finish within " + timeoutMs + " ms and may still complete. Retry it with the "
                        + "same Idempotency-Key to get its outcome without creating anything twice."));
    }
}
