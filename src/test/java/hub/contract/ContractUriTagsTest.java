package hub.contract;

import static org.assertj.core.api.Assertions.assertThat;

import hub.audit.ApiRoutes;
import org.junit.jupiter.api.Test;

class ContractUriTagsTest {

    private final ContractUriTags tags = new ContractUriTags(new ApiRoutes());

    @Test
    void namesTheContractsPathTemplate() {
        assertThat(tags.templateOf("POST", "/api/v1/jobs")).isEqualTo("/api/v1/jobs");
        assertThat(tags.templateOf("GET", "/api/v1/jobs/6339918a-3bde-493a-b84a-03afb785b4ed"))
                .isEqualTo("/api/v1/jobs/{id}");
        assertThat(tags.templateOf("GET", "/api/v1/jobs/x/result")).isEqualTo("/api/v1/jobs/{id}/result");
        assertThat(tags.templateOf("GET", "/api/v1/batches/b/results")).isEqualTo("/api/v1/batches/{id}/results");
        assertThat(tags.templateOf("GET", "/api/v1/jobs/a/b")).isNull();
        assertThat(tags.templateOf("GET", "/actuator/prometheus")).isNull();
    }
}
