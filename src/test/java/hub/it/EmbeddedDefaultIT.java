package hub.it;

import static hub.it.HubClient.guideline;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The hub with no profile and no external service: embedded PostgreSQL, Caffeine, a local blob folder, the in-JVM
 * queue and no LLM. It completes the sample, and its jobs survive a restart.
 */
class EmbeddedDefaultIT {

    @Test
    void completesTheSampleWithNothingInstalledAndKeepsItAcrossARestart() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "embedded-it-");
        String request = Files.readString(Path.of("examples/sample-request.json"));
        String text = new ObjectMapper().readTree(request).path("article").path("text").asText();

        String jobId;
        JsonNode report;
        try (RunningHub hub = start(dataDir)) {
            assertThat(hub.context().getEnvironment().getActiveProfiles()).isEmpty();
            assertThat(hub.context().getEnvironment().getDefaultProfiles()).containsExactly("embedded");
            assertThat(hub.bean(EmbeddedPostgres.class).getPort()).isPositive();
            jobId = hub.client().submit(request);
            report = hub.client().awaitReport(jobId);
        }

        assertThat(report.path("partial").asBoolean()).isTrue();
        assertThat(report.path("model").path("configured").asBoolean()).isFalse();
        JsonNode balance = guideline(report, "balanced-risks-and-benefits");
        assertThat(balance.path("verdict").asText()).isEqualTo("NOT_EVALUATED");
        assertThat(balance.path("reason").asText()).contains("No LLM is configured");
        JsonNode fees = guideline(report, "fees-reference-gtc");
        assertThat(fees.path("verdict").asText()).as("a certain rule hit decides without a model").isEqualTo("FAIL");
        assertThat(fees.path("reason").asText()).contains("not reviewed by a model");
        JsonNode best = guideline(report, "no-unqualified-superlatives").path("findings").get(0);
        int offset = best.path("offset").asInt();
        assertThat(text.substring(offset, offset + best.path("length").asInt())).isEqualTo("*best*");
        assertThat(offset).isEqualTo(text.indexOf("*best*"));
        assertThat(guideline(report, "inclusive-language").path("findings").findValuesAsText("quote"))
                .as("the chairman is named").containsExactly("layman's");
        assertThat(report.path("coverage").asDouble()).isBetween(0.3, 0.99);
        assertThat(dataDir.resolve("blobs/reports/" + jobId + ".json")).exists();
        assertThat(dataDir.resolve("blobs/articles/" + jobId + ".json")).exists();
        assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();

        try (RunningHub restarted = start(dataDir)) {
            JsonNode status = restarted.client().awaitStatus(jobId, Set.of("COMPLETED"), Duration.ofSeconds(10));
            assertThat(status.path("completedAt").asText()).isNotBlank();
            assertThat(HubClient.json(restarted.client().get("/api/v1/jobs/" + jobId + "/result"))).isEqualTo(report);
        }
    }

    private static RunningHub start(Path dataDir) {
        return RunningHub.start(null, "--hub.data-dir=" + dataDir);
    }
}
