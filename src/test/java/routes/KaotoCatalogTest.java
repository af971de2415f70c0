package routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The route files against the YAML DSL schemas in Kaoto's own catalog (the npm package @kaoto/camel-catalog, which
 * Kaoto's editor loads), for every Camel Spring Boot version it ships: docs/routes.md, "Editing visually with
 * Kaoto". Run by scripts/check-kaoto-catalog.sh, which fetches the catalog and passes its folder as
 * {@code -Dkaoto.catalog}; skipped otherwise (RouteDefinitionsTest checks the schema of the hub's own Camel).
 */
@EnabledIfSystemProperty(named = "kaoto.catalog", matches = ".+")
class KaotoCatalogTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void everyRouteFileValidatesAgainstEverySpringBootSchemaOfKaotosCatalog() throws IOException {
        Path catalog = Path.of(System.getProperty("kaoto.catalog"), "camel-springboot");
        List<Path> schemas;
        try (Stream<Path> s = Files.walk(catalog, 2)) {
            schemas = s.filter(f -> f.getFileName().toString().matches("camelYamlDsl-.*\\.json")).sorted().toList();
        }
        assertThat(schemas).as("camelYamlDsl-*.json under " + catalog).isNotEmpty();
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("src/main/resources/camel", "docs/examples/routes")) {
            try (Stream<Path> s = Files.walk(Path.of(dir))) {
                s.filter(f -> f.toString().endsWith(".camel.yaml")).sorted().forEach(files::add);
            }
        }
        List<String> errors = new ArrayList<>();
        for (Path schemaFile : schemas) {
            JsonSchema schema;
            try (InputStream in = Files.newInputStream(schemaFile)) {
                schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
            }
            for (Path file : files) {
                Set<ValidationMessage> found = schema.validate(YAML.readTree(file.toFile()));
                found.forEach(m -> errors.add(schemaFile.getParent().getFileName() + " " + file + ": " + m));
            }
            System.out.println("Kaoto catalog " + schemaFile.getParent().getFileName() + ": " + files.size()
                    + " route files checked");
        }
        assertThat(errors).isEmpty();
    }
}
