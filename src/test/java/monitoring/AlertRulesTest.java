package monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The conventions promtool does not check: every alert has a {@code for}, a severity P0-P3, a summary, a
 * description and a runbook in docs/runbooks/ that exists; every alert has a promtool unit test; the seed's alert
 * table is covered. (promtool check/test rules run in scripts/test.sh.)
 */
class AlertRulesTest {

    static final Path RULES = Path.of("monitoring/prometheus/alerts.yaml");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static List<JsonNode> alerts() throws IOException {
        List<JsonNode> alerts = new ArrayList<>();
        for (JsonNode group : YAML.readTree(RULES.toFile()).path("groups")) {
            group.path("rules").forEach(r -> {
                if (r.has("alert")) {
                    alerts.add(r);
                }
            });
        }
        return alerts;
    }

    @Test
    void everyAlertHasForSeveritySummaryDescriptionAndAnExistingRunbook() throws IOException {
        List<JsonNode> alerts = alerts();
        assertThat(alerts).isNotEmpty();
        Set<String> names = new HashSet<>();
        for (JsonNode a : alerts) {
            String name = a.path("alert").asText();
            assertThat(names.add(name)).as("alert name " + name + " is unique").isTrue();
            assertThat(a.path("for").asText()).as(name + " for").matches("\\d+[smhd]");
            assertThat(a.path("labels").path("severity").asText()).as(name + " severity").matches("P[0-3]");
            assertThat(a.path("annotations").path("summary").asText()).as(name + " summary").isNotBlank();
            assertThat(a.path("annotations").path("description").asText()).as(name + " description").isNotBlank();
            String runbook = a.path("annotations").path("runbook_url").asText();
            assertThat(runbook).as(name + " runbook_url").startsWith("docs/runbooks/").endsWith(".md");
            assertThat(Path.of(runbook)).as(name + " runbook").isRegularFile();
        }
    }

    @Test
    void theSeedsAlertTableAndSmartSearchAlertsAreAllThere() throws IOException {
        Set<String> names = new HashSet<>();
        alerts().forEach(a -> names.add(a.path("alert").asText()));
        assertThat(names).contains("RegionDown", "HighErrorRate", "DatabaseFailover", "SlowQueries", "HighCacheMiss",
                "DiskSpaceLow", "CertificateExpiry", "SmartSearchBothEndpointsDown", "SmartSearchEndpointDown",
                "SmartSearchCircuitBreakerOpen", "SmartSearchCacheHitRateLow", "GtcReplicationLag",
                "SmartSearchUnusualSearchPattern");
    }

    @Test
    void everyAlertHasAPromtoolTestThatExpectsItToFire() throws IOException {
        Set<String> firing = new HashSet<>();
        try (var tests = Files.list(Path.of("monitoring/prometheus/tests"))) {
            for (Path file : tests.toList()) {
                for (JsonNode test : YAML.readTree(file.toFile()).path("tests")) {
                    for (JsonNode t : test.path("alert_rule_test")) {
                        if (!t.path("exp_alerts").isEmpty()) {
                            firing.add(t.path("alertname").asText());
                        }
                    }
                }
            }
        }
        for (JsonNode a : alerts()) {
            assertThat(firing).as("a promtool test in which " + a.path("alert").asText() + " fires")
                    .contains(a.path("alert").asText());
        }
    }
}
