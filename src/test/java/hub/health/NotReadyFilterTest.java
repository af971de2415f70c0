package hub.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import hub.problem.ServletProblems;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class NotReadyFilterTest {

    private final ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();
    private final NotReadyFilter filter = new NotReadyFilter(availability, new ServletProblems(new ObjectMapper()));

    @Test
    void beforeTheHubIsReadyTheApiAnswers503NotReadyInsteadOf404() throws Exception {
        MockHttpServletResponse response = call("/api/v1/jobs");

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentAsString()).contains("not-ready");
    }

    @Test
    void onceReadyTheCallPassesAndProbesAlwaysPass() throws Exception {
        assertThat(call("/actuator/health/liveness").getStatus()).isEqualTo(200);
        availability.onApplicationEvent(new AvailabilityChangeEvent<>(this, ReadinessState.ACCEPTING_TRAFFIC));
        assertThat(call("/api/v1/jobs").getStatus()).isEqualTo(200);
        availability.onApplicationEvent(new AvailabilityChangeEvent<>(this, ReadinessState.REFUSING_TRAFFIC));
        assertThat(call("/api/v1/jobs").getStatus()).isEqualTo(503);
    }

    private MockHttpServletResponse call(String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setRequestURI(path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
