package hub.input;

import hub.problem.ProblemException;
import hub.problem.ServletProblems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A body of another media type than the operation's: the routes are registered from the contract with its request
 * media types, so Spring refuses such a request before any route runs. It gets the hub's own {@code 415
 * unsupported-media-type} problem, the same one the contract check gives, not Spring's {@code about:blank}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class MediaTypeProblems {

    private final ServletProblems problems;

    public MediaTypeProblems(ServletProblems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    public void unsupported(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            StrictJson.requireJson(request.getContentType());
        } catch (ProblemException problem) {
            problems.write(request, response, problem);
            return;
        }
        problems.write(request, response, new ProblemException(415, "unsupported-media-type",
                "Unsupported media type", "Send the body as application/json."));
    }
}
