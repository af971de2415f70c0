package monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Grafana dashboard in monitoring/grafana/ can be imported into any Grafana and works with the data source
 * picked there: a datasource variable used by every panel and query, panels with a title, a unit and a grid
 * position inside the 24-column grid without overlaps, rates over {@code $__rate_interval}, unique uids.
 */
class DashboardsTest {

    static final Path DASHBOARDS = Path.of("monitoring/grafana");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** rate( or irate( up to the range of its range vector selector. */
    private static final Pattern RATE_RANGE = Pattern.compile("\\b(i?rate)\\(([^\\[\\]()]|\\([^\\[\\]()]*\\))*\\[([^\\]]+)]");
    private static final Set<String> DATASOURCE_REFS = Set.of("${datasource}", "$datasource");

    static Stream<Path> dashboards() throws IOException {
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            List<Path> all = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            assertThat(all).as("dashboards in " + DASHBOARDS).hasSizeGreaterThanOrEqualTo(4);
            return all.stream();
        }
    }

    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode p : dashboard.path("panels")) {
            panels.add(p);
            p.path("panels").forEach(panels::add);
        }
        return panels;
    }

    @Test
    void theSeedsDashboardsAreThereWithUniqueUids() throws IOException {
        Map<String, String> uids = new HashMap<>();
        Set<String> titles = new HashSet<>();
        for (Path file : dashboards().toList()) {
            JsonNode d = JSON.readTree(file.toFile());
            String uid = d.path("uid").asText();
            assertThat(uid).as("uid of " + file).isNotBlank().hasSizeLessThanOrEqualTo(40);
            assertThat(uids.put(uid, file.toString())).as("uid " + uid + " is also used by " + uids.get(uid)).isNull();
            titles.add(d.path("title").asText());
        }
        assertThat(titles).anyMatch(t -> t.contains("System Health")).anyMatch(t -> t.contains("Business Metrics"))
                .anyMatch(t -> t.contains("SRE")).anyMatch(t -> t.contains("Smart Search"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dashboards")
    void hasADatasourceVariableThatEveryPanelAndQueryUses(Path file) throws IOException {
        JsonNode d = JSON.readTree(file.toFile());
        boolean variable = false;
        for (JsonNode v : d.path("templating").path("list")) {
            if ("datasource".equals(v.path("type").asText()) && "datasource".equals(v.path("name").asText())) {
                assertThat(v.path("query").asText()).isEqualTo("prometheus");
                variable = true;
            } else if (v.has("datasource")) {
                assertThat(v.path("datasource").path("uid").asText()).as("variable " + v.path("name")).isIn(DATASOURCE_REFS);
            }
        }
        assertThat(variable).as(file + " has a datasource variable named datasource").isTrue();
        for (JsonNode p : panels(d)) {
            if ("row".equals(p.path("type").asText())) {
                continue;
            }
            assertThat(p.path("datasource").path("uid").asText()).as(file + " panel " + p.path("title")).isIn(DATASOURCE_REFS);
            assertThat(p.path("targets")).as(file + " panel " + p.path("title") + " targets").isNotEmpty();
            for (JsonNode t : p.path("targets")) {
                if (t.has("datasource")) {
                    assertThat(t.path("datasource").path("uid").asText()).isIn(DATASOURCE_REFS);
                }
                assertThat(t.path("expr").asText()).as(file + " panel " + p.path("title") + " query").isNotBlank();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dashboards")
    void everyPanelHasATitleAUnitAndAPlaceInTheGridWithoutOverlaps(Path file) throws IOException {
        JsonNode d = JSON.readTree(file.toFile());
        List<int[]> placed = new ArrayList<>();
        Set<Integer> ids = new HashSet<>();
        for (JsonNode p : panels(d)) {
            String title = p.path("title").asText();
            assertThat(title).as(file + " panel title").isNotBlank();
            assertThat(ids.add(p.path("id").asInt())).as(file + " panel id of " + title + " is unique").isTrue();
            JsonNode grid = p.path("gridPos");
            for (String k : List.of("h", "w", "x", "y")) {
                assertThat(grid.path(k).isInt()).as(file + " " + title + " gridPos." + k).isTrue();
            }
            int x = grid.path("x").asInt();
            int y = grid.path("y").asInt();
            int w = grid.path("w").asInt();
            int h = grid.path("h").asInt();
            assertThat(w).as(title).isBetween(1, 24);
            assertThat(h).as(title).isPositive();
            assertThat(x).as(title).isBetween(0, 24 - w);
            for (int[] other : placed) {
                boolean apart = x + w <= other[0] || other[0] + other[2] <= x || y + h <= other[1] || other[1] + other[3] <= y;
                assertThat(apart).as(file + " panel " + title + " overlaps another panel").isTrue();
            }
            placed.add(new int[] {x, y, w, h});
            if (!"row".equals(p.path("type").asText())) {
                assertThat(p.path("fieldConfig").path("defaults").path("unit").asText()).as(file + " " + title + " unit")
                        .isNotBlank();
            }
        }
        assertThat(placed).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dashboards")
    void ratesUseTheRateInterval(Path file) throws IOException {
        JsonNode d = JSON.readTree(file.toFile());
        int rates = 0;
        for (String expr : expressions(d)) {
            Matcher m = RATE_RANGE.matcher(expr);
            while (m.find()) {
                rates++;
                assertThat(m.group(3)).as(file + ": " + m.group() + " in " + expr).isEqualTo("$__rate_interval");
            }
        }
        assertThat(rates).as(file + " has rates").isPositive();
    }

    @Test
    void theRateCheckCatchesAFixedWindow() {
        Matcher m = RATE_RANGE.matcher("sum(rate(http_server_requests_seconds_count{status=~\"5..\"}[5m]))");
        assertThat(m.find()).isTrue();
        assertThat(m.group(3)).isEqualTo("5m");
    }

    /** The PromQL of every panel target and query variable of a dashboard. */
    static List<String> expressions(JsonNode dashboard) {
        List<String> exprs = new ArrayList<>();
        for (JsonNode p : panels(dashboard)) {
            p.path("targets").forEach(t -> exprs.add(t.path("expr").asText()));
        }
        for (JsonNode v : dashboard.path("templating").path("list")) {
            if ("query".equals(v.path("type").asText())) {
                exprs.add(v.path("query").isObject() ? v.path("query").path("query").asText() : v.path("query").asText());
            }
        }
        return exprs;
    }
}
