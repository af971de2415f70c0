package docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The README's configuration table states the defaults of application.yaml: every row that names one property and
 * one literal default (`hub.worker.lease-seconds` | `60`) must match the file, so the two cannot drift apart again
 * (it once said 300 where the code said 60).
 */
class ReadmeConfigurationTableTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9.-]+)` \\| `([^`]*)` \\|", Pattern.MULTILINE);

    @Test
    void everySingleDefaultInTheReadmeTableIsTheOneInApplicationYaml() throws IOException {
        JsonNode yaml = new ObjectMapper(new YAMLFactory()).readTree(Path.of("src/main/resources/application.yaml").toFile());
        String readme = Files.readString(Path.of("README.md"));
        Map<String, String> stated = new LinkedHashMap<>();
        Matcher row = ROW.matcher(readme);
        while (row.find()) {
            stated.put(row.group(1), row.group(2));
        }
        assertThat(stated).as("rows of one property and one literal default").hasSizeGreaterThan(8);
        stated.forEach((property, readmeDefault) -> {
            JsonNode node = yaml;
            for (String key : property.split("\\.")) {
                node = node == null ? null : node.get(key);
            }
            assertThat(node).as(property + " is in application.yaml").isNotNull();
            String actual = node.isArray()
                    ? StreamSupport.stream(node.spliterator(), false).map(JsonNode::asText).collect(Collectors.joining(","))
                    : node.asText();
            assertThat(actual).as("README's default of " + property).isEqualTo(readmeDefault);
        });
    }
}
