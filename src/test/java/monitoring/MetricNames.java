package monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The metric names that the alert rules and the dashboards query, read from their PromQL: everything that is an
 * identifier and neither a function, an aggregation, a keyword, a label name (matchers, {@code by (...)}) nor
 * part of a string, a duration or a {@code $variable}.
 */
public final class MetricNames {

    /**
     * Series that come from elsewhere than the hub and are allowed in the rules and dashboards: Prometheus itself
     * ({@code up}, {@code ALERTS}) and the standard exporters docs/monitoring.md sets up (blackbox_exporter
     * {@code probe_*}, postgres_exporter {@code pg_*}, redis_exporter {@code redis_*}, node_exporter {@code node_*}).
     */
    public static final Set<String> EXTERNAL_NAMES = Set.of("up", "ALERTS", "ALERTS_FOR_STATE");
    public static final List<String> EXTERNAL_PREFIXES = List.of("probe_", "pg_", "redis_", "node_");

    private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^{}]*}");
    private static final Pattern RANGES = Pattern.compile("\\[[^\\[\\]]*]");
    private static final Pattern GROUPING =
            Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^()]*\\)");
    private static final Pattern LABEL_VALUES = Pattern.compile("\\blabel_values\\(\\s*([^,()]+?)\\s*,\\s*\\w+\\s*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w$.:])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "bool", "and", "or", "unless", "offset", "atan2", "inf", "nan", "Inf", "NaN");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private MetricNames() {
    }

    /** The metric names one PromQL expression (or a Grafana label_values query) reads. */
    public static Set<String> in(String promql) {
        String expr = LABEL_VALUES.matcher(promql).replaceAll("$1");
        expr = STRINGS.matcher(expr).replaceAll("\"\"");
        String before;
        do {
            before = expr;
            expr = MATCHERS.matcher(expr).replaceAll(" ");
            expr = RANGES.matcher(expr).replaceAll(" ");
        } while (!expr.equals(before));
        expr = GROUPING.matcher(expr).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(expr);
        while (m.find()) {
            String id = m.group(1);
            if (m.group(2) == null && !KEYWORDS.contains(id)) {
                names.add(id);
            }
        }
        return names;
    }

    /** Metric name → the files whose queries use it, over the alert rules and every dashboard. */
    public static TreeMap<String, Set<String>> referenced(Path rules, Path dashboards) throws IOException {
        TreeMap<String, Set<String>> used = new TreeMap<>();
        for (JsonNode group : YAML.readTree(rules.toFile()).path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                in(rule.path("expr").asText()).forEach(n -> used.computeIfAbsent(n, k -> new TreeSet<>())
                        .add(rules + " " + rule.path("alert").asText(rule.path("record").asText())));
            }
        }
        try (Stream<Path> files = Files.list(dashboards)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                for (String expr : DashboardsTest.expressions(JSON.readTree(file.toFile()))) {
                    in(expr).forEach(n -> used.computeIfAbsent(n, k -> new TreeSet<>()).add(file.toString()));
                }
            }
        }
        return used;
    }

    public static boolean external(String name) {
        return EXTERNAL_NAMES.contains(name) || EXTERNAL_PREFIXES.stream().anyMatch(name::startsWith);
    }
}
