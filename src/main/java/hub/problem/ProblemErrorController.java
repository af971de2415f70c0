package hub.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page ({@code /error}), which Spring Boot would answer with its Whitelabel page or
 * its own JSON: every error that escaped the filters, Spring MVC or an asynchronous Camel route ends here as a
 * problem document (with the correlation id, and no exception text), the same as the routes write.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);
    private static final String SPRING_ERROR = DefaultErrorAttributes.class.getName() + ".ERROR";

    private final ServletProblems problems;

    public ProblemErrorController(ServletProblems problems) {
        this.problems = problems;
    }

    @RequestMapping("/error")
    public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Throwable failure = failureOf(request);
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : response.getStatus();
        ProblemException problem = RefusedRequests.problemFor(failure, status);
        if (problem.status() >= 500) {
            log.error("Unexpected failure answered as a problem", failure);
        }
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        problems.write(request, response, problem);
    }

    private static Throwable failureOf(HttpServletRequest request) {
        Object spring = request.getAttribute(SPRING_ERROR);
        if (spring instanceof Throwable t) {
            return t;
        }
        return request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t ? t : null;
    }
}
