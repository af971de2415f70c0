package routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Route reload is on in the dev profile only (docs/routes.md, "Try a change: live reload"): application.yaml turns it
 * off, application-dev.yaml on for the source folder, and no other profile touches it. hub.it.RouteReloadIT runs it.
 */
class RouteReloadProfileTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path RESOURCES = Path.of("src/main/resources");

    private static JsonNode camelMain(Path file) throws IOException {
        return YAML.readTree(file.toFile()).path("camel").path("main");
    }

    @Test
    void isOffByDefault() throws IOException {
        assertThat(camelMain(RESOURCES.resolve("application.yaml")).path("routes-reload-enabled").asBoolean(true))
                .isFalse();
    }

    @Test
    void isOnInTheDevProfileForTheSourceFolderAndReplacesOnlyTheChangedFile() throws IOException {
        JsonNode main = camelMain(RESOURCES.resolve("application-dev.yaml"));
        assertThat(main.path("routes-reload-enabled").asBoolean()).isTrue();
        assertThat(main.path("routes-reload-directory").asText())
                .isEqualTo("${HUB_ROUTES_RELOAD_DIRECTORY:src/main/resources/camel}");
        assertThat(Path.of("src/main/resources/camel")).isDirectory();
        assertThat(main.path("routes-reload-directory-recursive").asBoolean()).as("the stage folders").isTrue();
        assertThat(main.path("routes-reload-pattern").asText()).isEqualTo("*.camel.yaml");
        assertThat(main.path("routes-reload-remove-all-routes").asBoolean(true)).isFalse();
    }

    @Test
    void noOtherProfileTurnsItOn() throws IOException {
        List<Path> profiles;
        try (Stream<Path> s = Files.list(RESOURCES)) {
            profiles = s.filter(f -> f.getFileName().toString().matches("application-.*\\.ya?ml"))
                    .filter(f -> !f.getFileName().toString().equals("application-dev.yaml")).toList();
        }
        assertThat(profiles).isNotEmpty();
        for (Path profile : profiles) {
            assertThat(camelMain(profile).has("routes-reload-enabled")).as(profile.toString()).isFalse();
        }
    }
}
