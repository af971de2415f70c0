package infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The two Dockerfiles against what infra/arm/region/azuredeploy.json expects of their images: the container port
 * (ingress targetPort and every probe's port), a non-root numeric user, base images pinned to a version, the entry
 * point, and the context the hub's image is built from. No container engine can build or start an image on this
 * project's machines (docs/deployment.md says why); scripts/image-smoke.sh runs the image's layout and entry point
 * without one and checks the probes.
 */
class ContainerImageTest {

    static final Path HUB = Path.of("Dockerfile");
    static final Path MLFLOW = Path.of("mlflow", "Dockerfile");

    /** The instructions of a Dockerfile's last stage (continuation lines joined, comments dropped). */
    static List<String> finalStage(Path dockerfile) throws IOException {
        List<String> all = instructions(Files.readString(dockerfile));
        int from = 0;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).startsWith("FROM ")) {
                from = i;
            }
        }
        return all.subList(from, all.size());
    }

    static List<String> instructions(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.startsWith("#") || (l.isEmpty() && current.isEmpty())) {
                continue;
            }
            current.append(l.endsWith("\\") ? l.substring(0, l.length() - 1) + " " : l);
            if (!l.endsWith("\\")) {
                out.add(current.toString().replaceAll("\\s+", " ").strip());
                current.setLength(0);
            }
        }
        return out;
    }

    static String single(List<String> stage, String keyword) {
        List<String> found = stage.stream().filter(i -> i.startsWith(keyword + " ")).toList();
        assertThat(found).as("one " + keyword + " in the final stage").hasSize(1);
        return found.get(0).substring(keyword.length() + 1);
    }

    static ObjectNode app(String nameVariable) {
        return ArmProject.resourcesOfType(ArmProject.load().get(ArmArchitecture.REGION), "Microsoft.App/containerApps").stream()
                .filter(a -> a.path("name").asText().contains(nameVariable)).findFirst().orElseThrow();
    }

    /** The ingress targetPort and every probe port of a Container App; all must be the image's EXPOSEd port. */
    static List<Integer> templatePorts(ObjectNode app) {
        List<Integer> ports = new ArrayList<>();
        ports.add(app.path("properties").path("configuration").path("ingress").path("targetPort").asInt());
        for (JsonNode c : app.path("properties").path("template").path("containers")) {
            c.path("probes").forEach(p -> ports.add(p.path("httpGet").path("port").asInt()));
        }
        return ports;
    }

    static void assertPinnedNonRoot(List<String> stage) {
        String from = single(stage, "FROM");
        // fully qualified (podman resolves no short names) and pinned to a version, never a floating tag
        assertThat(from).matches("docker\\.io/library/[a-z0-9-]+:\\d+\\.\\d+\\.\\d+[^ ]*( AS \\w+)?");
        assertThat(from).doesNotContain(":latest");
        String user = single(stage, "USER");
        assertThat(user).as("numeric, non-root user").matches("[1-9]\\d{3,}(:[1-9]\\d{3,})?");
    }

    @Test
    void hubImageMatchesTheTemplatesPortProbesAndRuntime() throws IOException {
        List<String> stage = finalStage(HUB);
        assertPinnedNonRoot(stage);
        // Java 25 at run time for virtual threads (issue 25); the jar is built for 17
        assertThat(single(stage, "FROM")).contains("eclipse-temurin:25.").contains("-jre-");
        int exposed = Integer.parseInt(single(stage, "EXPOSE"));
        assertThat(templatePorts(app("hubAppName"))).hasSizeGreaterThanOrEqualTo(4).containsOnly(exposed);
        assertThat(single(stage, "ENV")).isEqualTo("PORT=" + exposed); // server.port: ${PORT:8080}
        String entrypoint = single(stage, "ENTRYPOINT");
        assertThat(entrypoint).contains("\"org.springframework.boot.loader.launch.JarLauncher\"")
                .contains("-XX:MaxRAMPercentage=").contains("-XX:+ExitOnOutOfMemoryError");
        // Spring Boot's four layers, least to most frequently changed, as the tools jarmode extracts them
        List<String> layers = stage.stream().filter(i -> i.startsWith("COPY --from=build /layers/"))
                .map(i -> i.replaceAll("COPY --from=build /layers/([a-z-]+)/ \\./", "$1")).toList();
        assertThat(layers).containsExactly("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");
        assertThat(Files.readString(HUB)).contains("./mvnw ").contains("-Djarmode=tools").contains("extract --layers --launcher");
    }

    @Test
    void hubProbePathsAreTheOnesTheApplicationServes() throws IOException {
        JsonNode yaml = new YAMLMapper().readTree(Path.of("src", "main", "resources", "application.yaml").toFile());
        assertThat(yaml.path("management").path("endpoint").path("health").path("probes").path("enabled").asBoolean()).isTrue();
        assertThat(yaml.path("server").path("port").asText()).isEqualTo("${PORT:8080}");
        List<String> paths = new ArrayList<>();
        for (JsonNode c : app("hubAppName").path("properties").path("template").path("containers")) {
            c.path("probes").forEach(p -> paths.add(p.path("httpGet").path("path").asText()));
        }
        assertThat(paths).containsOnly(ArmArchitecture.LIVENESS, ArmArchitecture.READINESS).contains(ArmArchitecture.READINESS);
    }

    @Test
    void mlflowImageMatchesTheTemplate() throws IOException {
        List<String> stage = finalStage(MLFLOW);
        assertPinnedNonRoot(stage);
        ObjectNode app = app("mlflowAppName");
        int exposed = Integer.parseInt(single(stage, "EXPOSE"));
        assertThat(templatePorts(app)).containsOnly(exposed);
        JsonNode region = ArmProject.load().get(ArmArchitecture.REGION);
        String tag = region.path("parameters").path("mlflowImageTag").path("defaultValue").asText();
        String install = single(stage, "RUN");
        assertThat(install).contains("mlflow==" + tag).contains("psycopg2-binary==").contains("azure-storage-blob==");
        // every pip requirement pinned
        Matcher m = Pattern.compile("pip install --no-cache-dir ((?:[a-z0-9-]+==[0-9.]+ ?)+)").matcher(install);
        assertThat(m.find()).as("pinned pip requirements").isTrue();
        // the template's command runs "mlflow server" through /bin/sh: the image must provide both
        assertThat(app.toString()).contains("mlflow server");
    }

    @Test
    void theBuildContextHoldsWhatTheHubsDockerfileCopiesAndNoBuildOutput() throws IOException {
        List<String> ignore = Files.readAllLines(Path.of(".dockerignore")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertThat(ignore.get(0)).as("everything is excluded unless re-included").isEqualTo("*");
        assertThat(ignore).doesNotContain("!target/", "!data/", "!.git/");
        for (String copy : instructions(Files.readString(HUB))) {
            if (copy.startsWith("COPY ") && !copy.startsWith("COPY --from")) {
                String[] parts = copy.split(" ");
                for (int i = 1; i < parts.length - 1; i++) {
                    String source = parts[i];
                    assertThat(ignore).as(".dockerignore re-includes " + source).anyMatch(l -> l.equals("!" + source));
                }
            }
        }
    }
}
