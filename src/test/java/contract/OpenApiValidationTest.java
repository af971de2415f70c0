package contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

/** openapi/compliance-hub.yaml passes swagger-parser's validation without a message. */
class OpenApiValidationTest {

    @Test
    void theContractIsValid() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readLocation("openapi/compliance-hub.yaml", null, options);
        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getComponents().getSecuritySchemes()).containsKey("bearerAuth");
        assertThat(result.getOpenAPI().getPaths()).containsKeys("/api/v1/jobs", "/api/v1/jobs/{id}");
    }
}
