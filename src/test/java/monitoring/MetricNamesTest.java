package monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The PromQL reading of {@link MetricNames}, which the name check of hub.it.MetricsIT relies on. */
class MetricNamesTest {

    @Test
    void findsMetricsButNotFunctionsLabelsStringsDurationsOrVariables() {
        assertThat(MetricNames.in("sum by (region) (rate(http_server_requests_seconds_count{job=\"compliance-hub\", "
                + "status=~\"5..\"}[5m])) / sum by (region) (rate(http_server_requests_seconds_count[$__rate_interval])) > 0.10"))
                .containsExactly("http_server_requests_seconds_count");
        assertThat(MetricNames.in("histogram_quantile(0.99, sum by (le) (rate(compliance_job_duration_seconds_bucket"
                + "{region=~\"$region\"}[$__rate_interval]))) or max(hikaricp_connections_usage_seconds_max) > 10"))
                .containsExactly("compliance_job_duration_seconds_bucket", "hikaricp_connections_usage_seconds_max");
        assertThat(MetricNames.in("count_over_time((max(ALERTS{alertstate=\"firing\"}))[$__range:1m]) + "
                + "probe_ssl_earliest_cert_expiry - time() < 7 * 86400 and gtc_cache_size_bytes > 50e9"))
                .containsExactly("ALERTS", "gtc_cache_size_bytes", "probe_ssl_earliest_cert_expiry");
        assertThat(MetricNames.in("label_values(process_uptime_seconds{job=\"compliance-hub\"}, region)"))
                .containsExactly("process_uptime_seconds");
        assertThat(MetricNames.in("count by (instance) (smart_search_circuit_breaker_state > 0 < 3) >= 2 "
                + "unless on (instance) group_left (region) up offset 1d"))
                .containsExactly("smart_search_circuit_breaker_state", "up");
    }

    @Test
    void readsTheRulesAndEveryDashboard() throws Exception {
        var used = MetricNames.referenced(AlertRulesTest.RULES, DashboardsTest.DASHBOARDS);
        assertThat(used).containsKeys("compliance_jobs_completed_total", "smart_search_circuit_breaker_state",
                "probe_success", "guideline_verdicts_total");
        assertThat(used.get("probe_success")).anyMatch(f -> f.contains("alerts.yaml"))
                .anyMatch(f -> f.contains("sre.json"));
        assertThat(MetricNames.external("redis_keyspace_hits_total")).isTrue();
        assertThat(MetricNames.external("compliance_score_bucket")).isFalse();
        assertThat(Path.of("docs/monitoring.md")).isRegularFile();
    }
}
