package hub.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;

/** Writes a problem from a servlet filter (authentication, rate and size limits), as the API routes do. */
@Component
public class ServletProblems {

    private final ObjectMapper mapper;

    public ServletProblems(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ProblemException problem)
            throws IOException {
        response.setStatus(problem.status());
        response.setContentType("application/problem+json");
        mapper.writeValue(response.getOutputStream(), ProblemResponder.document(problem, request.getRequestURI()));
    }
}
