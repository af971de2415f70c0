package hub.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hub routes its API from openapi/compliance-hub.yaml: it serves that document as committed, and every operation
 * of it reaches a route (no Spring "no static resource" 404 and no 405 for any operation's path and method).
 */
class OpenApiContractIT extends LocalServicesIT {

    @Test
    void servesTheCommittedContract() throws Exception {
        var served = hub.get("/openapi/compliance-hub.yaml");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(Files.readString(Path.of("openapi/compliance-hub.yaml")));
    }

    @Test
    void answersEveryOperationOfTheContractFromARoute() throws Exception {
        JsonNode committed = new ObjectMapper(new YAMLFactory()).readTree(new File("openapi/compliance-hub.yaml"));
        List<String> unrouted = new ArrayList<>();
        committed.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            if (!method.getValue().has("responses") || !path.getKey().startsWith("/api/")) {
                return;
            }
            String uri = path.getKey().replace("{id}", "00000000-0000-0000-0000-000000000000");
            var response = method.getKey().equals("get") ? hub.get(uri) : hub.post(uri, "application/json", "{}");
            boolean spring = response.body().contains("\"type\":\"about:blank\"");
            if (spring || response.statusCode() == 405) {
                unrouted.add(method.getKey() + " " + path.getKey() + " → " + response.statusCode());
            }
        }));
        assertThat(unrouted).as("operations answered by Spring instead of their route").isEmpty();
    }
}
