package hub.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The audit log names operations by the contract's path templates, never by the raw path. */
class ApiRoutesTest {

    private final ApiRoutes routes = new ApiRoutes();

    @Test
    void namesTheContractsTemplateAndTheIdItHolds() {
        assertThat(routes.match("POST", "/api/v1/jobs")).isEqualTo(new ApiRoutes.Match("/api/v1/jobs", null));
        assertThat(routes.match("GET", "/api/v1/jobs/6339918a-3bde-493a-b84a-03afb785b4ed/result"))
                .isEqualTo(new ApiRoutes.Match("/api/v1/jobs/{id}/result", "6339918a-3bde-493a-b84a-03afb785b4ed"));
        assertThat(routes.match("GET", "/api/v1/batches")).isEqualTo(new ApiRoutes.Match("/api/v1/batches", null));
    }

    @Test
    void keepsRawPathsOutOfTheLog() {
        assertThat(routes.match("DELETE", "/api/v1/jobs").template()).isEqualTo("unmatched");
        assertThat(routes.match("GET", "/api/v1/anything/else").template()).isEqualTo("unmatched");
        assertThat(routes.match("GET", "/actuator/prometheus").template()).isEqualTo("/actuator/**");
        assertThat(routes.match("POST", "/auth/dev-login").template()).isEqualTo("/auth/dev-login");
    }
}
