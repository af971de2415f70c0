package hub.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContractRoutingTest {

    private static final OpenAPI DOCUMENT = new OpenAPIV3Parser().read("openapi/compliance-hub.yaml");

    @Test
    void leavesTheOperationsSpringServesOutOfTheRouting() {
        OpenAPI routed = ContractRouting.routedPart(DOCUMENT);
        assertThat(routed.getPaths()).containsKeys("/api/v1/jobs", "/api/v1/batches")
                .doesNotContainKeys("/auth/dev-login", "/actuator/health/readiness", "/actuator/prometheus");
    }

    @Test
    void namesTheRouteFileOfEveryOperationWithoutItsRoute() {
        OpenAPI routed = ContractRouting.routedPart(DOCUMENT);
        var missing = ContractRouting.missingRoutes(routed, Set.of("direct://submit-job"));
        assertThat(missing).hasSize(routed.getPaths().values().stream()
                .mapToInt(p -> p.readOperations().size()).sum() - 1);
        assertThat(missing).contains("GET /api/v1/jobs/{id} → add src/main/resources/camel/10-api/get-job-status.camel.yaml, "
                + "a route from direct:get-job-status");
    }
}
