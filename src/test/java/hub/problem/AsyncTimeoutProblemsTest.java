package hub.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class AsyncTimeoutProblemsTest {

    private final ObjectMapper json = new ObjectMapper();
    private final AsyncTimeoutProblems advice = new AsyncTimeoutProblems(new ServletProblems(json), Duration.ofSeconds(60));

    @Test
    void aTimedOutCallIsA503ProblemThatSaysToRetryWithTheSameIdempotencyKey() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        advice.timedOut(new MockHttpServletRequest("POST", "/api/v1/batches"), response);

        JsonNode problem = json.readTree(response.getContentAsString());
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(problem.path("type").asText()).isEqualTo("https://compliance-hub.dev/problems/still-processing");
        assertThat(problem.path("detail").asText()).contains("60000 ms").contains("same Idempotency-Key");
        assertThat(problem.path("instance").asText()).isEqualTo("/api/v1/batches");
    }

    @Test
    void aResponseAlreadyCommittedIsLeftAlone() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setStatus(202);
        response.setCommitted(true);
        advice.timedOut(new MockHttpServletRequest("POST", "/api/v1/batches"), response);

        assertThat(response.getStatus()).isEqualTo(202);
        assertThat(response.getContentAsString()).isEmpty();
    }
}
