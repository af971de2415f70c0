package hub.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hub.audit.AuditLog;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Every API call lands once in the day's append blob in audit-logs, with who, what, when, outcome and correlation
 * id and without the article text, also when the blob store was down meanwhile: the hub buffers and retries.
 */
class AuditLogIT {

    @Test
    void everyCallIsAuditedOnceAcrossABlobStoreOutage() throws Exception {
        try (AzuriteProcess azurite = AzuriteProcess.ofItsOwn("audit-azurite-").start();
             RunningHub hub = RunningHub.local("audit-" + UUID.randomUUID(),
                     "--hub.blob.connection-string=" + azurite.connectionString(), "--hub.blob.max-tries=1",
                     "--hub.blob.try-timeout-seconds=2", "--hub.audit.retry-ms=300")) {
            HubClient client = hub.client();
            List<String> sent = new ArrayList<>();
            String secretText = "Unpublished text " + UUID.randomUUID();

            String jobId = call(client, sent, "/api/v1/jobs", submission(secretText)).headers()
                    .firstValue("Location").map(l -> l.substring(l.lastIndexOf('/') + 1)).orElseThrow();
            call(client, sent, "/api/v1/jobs/" + jobId, null);
            call(client.withToken(null), sent, "/api/v1/guideline-sets", null);

            azurite.stop();
            List<String> duringOutage = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                call(client, duringOutage, "/api/v1/guideline-sets", null);
            }
            call(client, duringOutage, "/api/v1/jobs", submission("During the outage."));
            sent.addAll(duringOutage);
            Awaitility.await().atMost(Duration.ofSeconds(20))
                    .until(() -> hub.bean(AuditLog.class).waiting() > 0);
            assertThat(metric(client, "compliance_audit_records_waiting")).isPositive();

            azurite.start();
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> hub.bean(AuditLog.class).waiting() == 0);
            assertThat(metric(client, "compliance_audit_records_waiting")).isZero();
            assertThat(metric(client, "compliance_audit_records_dropped_total")).isZero();

            Map<String, List<JsonNode>> byCorrelation = records(azurite).stream()
                    .collect(Collectors.groupingBy(r -> r.path("correlationId").asText()));
            for (String id : sent) {
                assertThat(byCorrelation.get(id)).as("records of " + id).hasSize(1);
            }
            JsonNode submit = byCorrelation.get(sent.get(0)).get(0);
            assertThat(submit.path("subject").asText()).isEqualTo(TestTokens.SUBJECT);
            assertThat(submit.path("tenant").asText()).isEqualTo(TestTokens.TENANT);
            assertThat(submit.path("method").asText()).isEqualTo("POST");
            assertThat(submit.path("route").asText()).isEqualTo("/api/v1/jobs");
            assertThat(submit.path("resourceId").asText()).isEqualTo(jobId);
            assertThat(submit.path("status").asInt()).isEqualTo(202);
            assertThat(submit.path("clientIp").asText()).isEqualTo("127.0.0.1");
            assertThat(submit.path("at").asText()).isNotBlank();
            JsonNode status = byCorrelation.get(sent.get(1)).get(0);
            assertThat(status.path("route").asText()).isEqualTo("/api/v1/jobs/{id}");
            assertThat(status.path("resourceId").asText()).isEqualTo(jobId);
            JsonNode anonymous = byCorrelation.get(sent.get(2)).get(0);
            assertThat(anonymous.path("status").asInt()).isEqualTo(401);
            assertThat(anonymous.has("subject")).isFalse();
            // The blob store is not on the submission path (ADR 0011): accepted during the outage, and audited.
            assertThat(byCorrelation.get(sent.get(sent.size() - 1)).get(0).path("status").asInt()).isEqualTo(202);
            assertThat(records(azurite).toString()).doesNotContain(secretText);
        }
    }

    /** A metric of the hub's scrape, as the alert rules read it. */
    private static double metric(HubClient client, String name) {
        return client.get("/actuator/prometheus").body().lines()
                .filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not exported"));
    }

    /** Sends a call with a fresh correlation id, checks it is echoed, and remembers it. */
    private static HttpResponse<String> call(HubClient client, List<String> sent, String path, String body) {
        String id = "audit-" + UUID.randomUUID();
        HttpResponse<String> r = body == null ? client.get(path, "X-Correlation-ID", id)
                : client.post(path, "application/json", java.net.http.HttpRequest.BodyPublishers.ofString(body),
                        "X-Correlation-ID", id);
        assertThat(r.headers().firstValue("X-Correlation-ID")).contains(id);
        sent.add(id);
        return r;
    }

    private static String submission(String text) {
        return LocalServicesIT.submission("it-rules", text);
    }

    private static List<JsonNode> records(AzuriteProcess azurite) throws Exception {
        BlobServiceClient blobs = new BlobServiceClientBuilder().connectionString(azurite.connectionString()).buildClient();
        BlobContainerClient container = blobs.getBlobContainerClient("audit-logs");
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> records = new ArrayList<>();
        for (BlobItem item : container.listBlobs()) {
            assertThat(item.getProperties().getBlobType()).isEqualTo(BlobType.APPEND_BLOB);
            String content = container.getBlobClient(item.getName()).downloadContent().toString();
            for (String line : content.split("\n")) {
                if (!line.isBlank()) {
                    records.add(json.readTree(line));
                }
            }
        }
        return records;
    }
}
