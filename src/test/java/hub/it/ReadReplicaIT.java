package hub.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hub.cache.StatusNearCache;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * A hub with a read replica that lags: the replica is a schema of its own in the test database that the test
 * "replays" (copies the primary's rows into) only when it chooses, or rolls back to an older version of a row.
 * Reads go to the replica; a row missing there, older than what the hub wrote, or (a result) not final there is
 * read from the primary, so the caller never sees less than its own writes; once the replica caught up, it answers.
 */
class ReadReplicaIT {

    private static final String PRIMARY = TestDatabase.SCHEMA + "_rr";
    private static final String REPLICA = TestDatabase.SCHEMA + "_rr_replica";
    private static final List<String> TABLES = List.of("jobs", "reports", "batches", "batch_events", "job_usage");

    private RunningHub hub;

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void aLaggingReplicaNeverHidesTheCallersOwnWritesAndAnswersOnceCaughtUp() throws Exception {
        String[] primary = TestDatabase.isolatedSchema("rr");
        sql("DROP SCHEMA IF EXISTS " + REPLICA + " CASCADE");
        hub = RunningHub.local("rr-" + UUID.randomUUID(), primary[0], primary[1],
                "--hub.datasource.replica.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + REPLICA,
                "--hub.datasource.replica.username=postgres");
        // The replica holds the schema and nothing else yet: maximal lag.
        StringBuilder create = new StringBuilder("CREATE SCHEMA " + REPLICA + ";");
        for (String table : TABLES) {
            create.append("CREATE TABLE ").append(REPLICA).append('.').append(table)
                    .append(" (LIKE ").append(PRIMARY).append('.').append(table).append(" INCLUDING ALL);");
        }
        sql(create.toString());
        HubClient client = hub.client();
        StringRedisTemplate redis = hub.bean(StringRedisTemplate.class);
        StatusNearCache nearCache = hub.bean(StatusNearCache.class);
        MeterRegistry meters = hub.bean(MeterRegistry.class);

        // 1. Just submitted, not on the replica: the status comes from the primary, never a 404.
        String jobId = client.submit(LocalServicesIT.submission("it-rules", "Guaranteed returns for everyone."));
        JobFlowIT.deleteCachedStatus(redis, nearCache, jobId);
        HttpResponse<String> status = client.get("/api/v1/jobs/" + jobId);
        assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
        assertThat(status.headers().firstValue("X-Status-Source")).contains("database");
        assertThat(fallbacks(meters, "missing")).isGreaterThanOrEqualTo(1);
        client.awaitReport(jobId);

        // 2. The replica replayed up to the submission only: it holds the job QUEUED, without its report. The hub
        // wrote (and cached) COMPLETED, so the older row is not served and the result is read from the primary.
        replay();
        sql("UPDATE " + REPLICA + ".jobs SET status = 'QUEUED', completed_at = NULL, updated_at = created_at"
                + " WHERE id = CAST('" + jobId + "' AS uuid); DELETE FROM " + REPLICA + ".reports");
        double staleBefore = fallbacks(meters, "stale");
        JobFlowIT.deleteCachedStatus(redis, nearCache, jobId);
        status = client.get("/api/v1/jobs/" + jobId);
        assertThat(HubClient.json(status).path("status").asText()).isEqualTo("COMPLETED");
        assertThat(status.headers().firstValue("X-Status-Source")).contains("database");
        assertThat(fallbacks(meters, "stale")).isEqualTo(staleBefore + 1);
        HttpResponse<String> result = client.get("/api/v1/jobs/" + jobId + "/result");
        assertThat(result.statusCode()).as("the replica's QUEUED row does not answer 409: " + result.body()).isEqualTo(200);
        assertThat(result.body()).doesNotContain("replicaMarker");

        // 3. Caught up: the replica answers the status and the result (its copy of the report carries a marker).
        replay();
        sql("UPDATE " + REPLICA + ".reports SET report = CAST(replace(CAST(report AS text), '\"jobId\"',"
                + " '\"replicaMarker\": true, \"jobId\"') AS json)");
        double fallbacksBefore = fallbacks(meters, "stale") + fallbacks(meters, "missing") + fallbacks(meters, "not_final");
        JobFlowIT.deleteCachedStatus(redis, nearCache, jobId);
        status = client.get("/api/v1/jobs/" + jobId);
        assertThat(HubClient.json(status).path("status").asText()).isEqualTo("COMPLETED");
        assertThat(status.headers().firstValue("X-Status-Source")).contains("replica");
        result = client.get("/api/v1/jobs/" + jobId + "/result");
        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(result.body()).contains("replicaMarker");
        assertThat(fallbacks(meters, "stale") + fallbacks(meters, "missing") + fallbacks(meters, "not_final"))
                .isEqualTo(fallbacksBefore);

        // 4. A batch the replica does not have yet is read from the primary, with its jobs; usage reads the replica.
        String batchId = "it-rr-" + UUID.randomUUID();
        HttpResponse<String> accepted = client.post("/api/v1/batches", "application/json",
                BatchIntakeIT.batch(batchId, 3, "it-rules"));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = HubClient.json(accepted).path("id").asText();
        HttpResponse<String> batch = client.get("/api/v1/batches/" + id);
        assertThat(batch.statusCode()).as(batch.body()).isEqualTo(200);
        assertThat(HubClient.json(batch).path("items").asInt()).isEqualTo(3);
        HttpResponse<String> found = client.get("/api/v1/batches?batchId=" + batchId);
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        HttpResponse<String> results = client.get("/api/v1/batches/" + id + "/results");
        assertThat(results.statusCode()).as(results.body()).isEqualTo(200);
        HttpResponse<String> usage = client.get("/api/v1/usage?from=2020-01-01");
        assertThat(usage.statusCode()).as(usage.body()).isEqualTo(200);
        JsonNode usageJson = HubClient.json(usage);
        assertThat(usageJson.path("tenants")).hasSize(1);
        // The replica's pool is not a Spring DataSource bean; its meters are bound all the same.
        assertThat(meters.find("hikaricp.connections").tag("pool", "read-replica").gauge()).isNotNull();
    }

    private static double fallbacks(MeterRegistry meters, String reason) {
        var counter = meters.find("hub.read.replica.fallbacks").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    /** The replica catches up: its tables become copies of the primary's. */
    private static void replay() throws Exception {
        StringBuilder s = new StringBuilder("BEGIN;");
        for (String table : TABLES) {
            s.append("TRUNCATE ").append(REPLICA).append('.').append(table).append(';');
            s.append("INSERT INTO ").append(REPLICA).append('.').append(table)
                    .append(" SELECT * FROM ").append(PRIMARY).append('.').append(table).append(';');
        }
        sql(s.append("COMMIT;").toString());
    }

    private static void sql(String statements) throws Exception {
        try (Connection c = DriverManager.getConnection(TestDatabase.URL, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute(statements);
        }
    }
}
