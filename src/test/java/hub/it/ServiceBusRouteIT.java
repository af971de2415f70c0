package hub.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.blob.BlobServiceClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.EndpointInject;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The hub configured for Azure Service Bus as its job queue. No emulator runs here, so the Service Bus consumer of
 * {@code process-job} (and of {@code consume-batches}) is replaced by a direct endpoint and the producer by a mock;
 * the messages carry the headers the Service Bus consumer sets.
 */
@UseAdviceWith
@DirtiesContext
@TestPropertySource(properties = {
    "hub.servicebus.connection-string=Endpoint=sb://example.servicebus.windows.net/;SharedAccessKeyName=test;SharedAccessKey=dGVzdA==",
    "hub.queue.jobs.producer=azure-servicebus:compliance-jobs?connectionString=RAW(${hub.servicebus.connection-string})&producerOperation=sendMessages",
    "hub.queue.jobs.consumer=azure-servicebus:compliance-jobs?connectionString=RAW(${hub.servicebus.connection-string})&serviceBusReceiveMode=PEEK_LOCK&enableDeadLettering=true",
    "hub.queue.batches.consumer=azure-servicebus:compliance-batches?connectionString=RAW(${hub.servicebus.connection-string})&serviceBusReceiveMode=PEEK_LOCK&enableDeadLettering=true",
    "hub.queue.batches.broker-dead-lettering=true"
})
class ServiceBusRouteIT extends LocalServicesIT {

    @Autowired
    CamelContext camel;

    @Autowired
    ProducerTemplate template;

    @Autowired
    BlobServiceClient blobs;

    @EndpointInject("mock:servicebus-jobs")
    MockEndpoint sent;

    @BeforeEach
    void replaceServiceBusEndpoints() throws Exception {
        if (!camel.isStarted()) {
            AdviceWith.adviceWith(camel, "process-job", a -> a.replaceFromWith("direct:servicebus-jobs"));
            AdviceWith.adviceWith(camel, "consume-batches", a -> a.replaceFromWith("direct:servicebus-batches"));
            AdviceWith.adviceWith(camel, "enqueue-job",
                    a -> a.weaveById("send-to-jobs-queue").replace().to("mock:servicebus-jobs"));
            // The start-up recovery re-sends every QUEUED job once, 100 ms after the start; let it pass first, so
            // that it cannot add messages to a test's expectations.
            org.apache.camel.builder.NotifyBuilder recovered = new org.apache.camel.builder.NotifyBuilder(camel)
                    .fromRoute("recover-jobs-at-startup").whenDone(1).create();
            camel.start();
            assertThat(recovered.matches(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
        sent.reset();
    }

    @Test
    void submittedJobsTravelAsServiceBusMessagesAndDuplicatesChangeNothing() throws Exception {
        sent.expectedMessageCount(1);
        String jobId = hub.submit(submission("it-llm", "An article for the queue."));
        sent.assertIsSatisfied(5_000);

        Exchange message = sent.getExchanges().get(0);
        assertThat(message.getIn().getBody(String.class)).isEqualTo("{\"jobId\":\"" + jobId + "\"}");
        assertThat(message.getIn().getHeader("CamelAzureServiceBusMessageId")).isEqualTo(jobId);

        Map<String, Object> delivery = Map.of("CamelAzureServiceBusMessageId", jobId,
                "CamelAzureServiceBusDeliveryCount", 1L);
        template.sendBodyAndHeaders("direct:servicebus-jobs", message.getIn().getBody(), delivery);
        hub.awaitStatus(jobId, Set.of("COMPLETED"), Duration.ofSeconds(30));
        String report = hub.get("/api/v1/jobs/" + jobId + "/result").body();

        Exchange redelivered = template.send("direct:servicebus-jobs", e -> {
            e.getIn().setBody(message.getIn().getBody());
            e.getIn().setHeaders(Map.of("CamelAzureServiceBusMessageId", jobId, "CamelAzureServiceBusDeliveryCount", 2L));
        });
        assertThat(redelivered.isFailed()).as("a duplicate is completed, not retried").isFalse();
        assertThat(jdbc.queryForObject("SELECT attempts FROM jobs WHERE id = CAST(? AS uuid)", Integer.class, jobId))
                .isEqualTo(1);
        assertThat(hub.get("/api/v1/jobs/" + jobId + "/result").body()).isEqualTo(report);
    }

    @Test
    void aJobWhoseEvaluationKeepsFailingEndsFailedWithTheReasonAfterItsAttempts() throws Exception {
        sent.expectedMessageCount(1);
        String jobId = hub.submit(submission("it-llm", "An article whose blob goes missing."));
        sent.assertIsSatisfied(5_000);
        blobs.getBlobContainerClient("articles").getBlobClient(jobId + ".json").delete();

        Object message = sent.getExchanges().get(0).getIn().getBody();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            template.sendBody("direct:servicebus-jobs", message);
            return "FAILED".equals(jdbc.queryForObject("SELECT status FROM jobs WHERE id = CAST(? AS uuid)",
                    String.class, jobId));
        });

        JsonNode status = HubClient.json(hub.get("/api/v1/jobs/" + jobId));
        assertThat(status.path("status").asText()).isEqualTo("FAILED");
        assertThat(status.path("attempts").asInt()).isEqualTo(3);
        assertThat(status.path("error").asText()).startsWith("Failed: ").contains("BlobNotFound");
        assertThat(HubClient.json(hub.get("/api/v1/jobs/" + jobId + "/result")).path("detail").asText())
                .contains("failed");
    }

    @Test
    void poisonMessagesFailWithADeadLetterReason() {
        Exchange poison = template.send("direct:servicebus-jobs", e -> e.getIn().setBody("this is not a job"));

        assertThat(poison.isFailed()).isTrue();
        assertThat(poison.getIn().getHeader("CamelAzureServiceBusDeadLetterReason")).isEqualTo("PoisonMessage");
        assertThat(poison.getIn().getHeader("CamelAzureServiceBusDeadLetterErrorDescription", String.class))
                .contains("not JSON");

        Exchange tooOften = template.send("direct:servicebus-jobs", e -> {
            e.getIn().setBody("{\"jobId\": \"" + java.util.UUID.randomUUID() + "\"}");
            e.getIn().setHeader("CamelAzureServiceBusDeliveryCount", 11L);
        });
        assertThat(tooOften.isFailed()).isTrue();
        assertThat(tooOften.getIn().getHeader("CamelAzureServiceBusDeadLetterReason")).isEqualTo("MaxDeliveriesExceeded");

        Exchange unknownId = template.send("direct:servicebus-jobs", e -> e.getIn().setBody("{\"jobId\": \"42\"}"));
        assertThat(unknownId.getIn().getHeader("CamelAzureServiceBusDeadLetterErrorDescription", String.class))
                .contains("'42' is not a UUID");
    }

    @Test
    void batchMessagesAreKeyedByTheirServiceBusMessageIdAndFanOutIntoJobMessages() throws Exception {
        sent.expectedMessageCount(3);
        String batchId = "sb-" + java.util.UUID.randomUUID();
        String messageId = java.util.UUID.randomUUID().toString();
        String body = BatchIntakeIT.batch(batchId, 3, "it-rules");

        Exchange first = template.send("direct:servicebus-batches", e -> {
            e.getIn().setBody(body);
            e.getIn().setHeaders(Map.of("CamelAzureServiceBusMessageId", messageId, "CamelAzureServiceBusDeliveryCount", 1L));
        });
        assertThat(first.isFailed()).isFalse();
        sent.assertIsSatisfied(5_000);

        String id = jdbc.queryForObject("SELECT CAST(id AS text) FROM batches WHERE message_id = ?", String.class, messageId);
        java.util.List<String> jobIds = jdbc.queryForList(
                "SELECT CAST(id AS text) FROM jobs WHERE batch_id = CAST(? AS uuid) ORDER BY id", String.class, id);
        assertThat(sent.getExchanges()).extracting(x -> x.getIn().getHeader("CamelAzureServiceBusMessageId", String.class))
                .containsExactlyInAnyOrderElementsOf(jobIds);

        sent.reset();
        Exchange redelivered = template.send("direct:servicebus-batches", e -> {
            e.getIn().setBody(body);
            e.getIn().setHeaders(Map.of("CamelAzureServiceBusMessageId", messageId, "CamelAzureServiceBusDeliveryCount", 2L));
        });
        assertThat(redelivered.isFailed()).as("a redelivered batch is completed, not retried").isFalse();
        assertThat(sent.getReceivedCounter()).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM jobs WHERE batch_id = CAST(? AS uuid)", Long.class, id))
                .isEqualTo(3);

        // Deliver the job messages: the jobs complete and so does the batch.
        for (String jobId : jobIds) {
            template.sendBodyAndHeaders("direct:servicebus-jobs", "{\"jobId\":\"" + jobId + "\"}",
                    Map.of("CamelAzureServiceBusMessageId", jobId, "CamelAzureServiceBusDeliveryCount", 1L));
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                jdbc.queryForObject("SELECT completed_at IS NOT NULL FROM batches WHERE id = CAST(? AS uuid)",
                        Boolean.class, id));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM jobs WHERE batch_id = CAST(? AS uuid) AND status = 'COMPLETED'",
                Long.class, id)).isEqualTo(3);
    }

    @Test
    void poisonBatchMessagesFailWithTheDeadLetterReasonAndAreKept() {
        String messageId = java.util.UUID.randomUUID().toString();
        Exchange poison = template.send("direct:servicebus-batches", e -> {
            e.getIn().setBody("{\"batchId\": ");
            e.getIn().setHeader("CamelAzureServiceBusMessageId", messageId);
        });

        assertThat(poison.isFailed()).as("rethrown, so that Service Bus dead-letters it").isTrue();
        assertThat(poison.getIn().getHeader("CamelAzureServiceBusDeadLetterReason")).isEqualTo("InvalidJson");
        assertThat(poison.getIn().getHeader("CamelAzureServiceBusDeadLetterErrorDescription", String.class))
                .contains("not valid JSON");
        assertThat(jdbc.queryForObject("SELECT reason FROM dead_letters WHERE message_id = ?", String.class, messageId))
                .isEqualTo("InvalidJson");

        Exchange tooMany = template.send("direct:servicebus-batches",
                e -> e.getIn().setBody(BatchIntakeIT.batch("sb-big", 1001, "it-rules")));
        assertThat(tooMany.isFailed()).isTrue();
        assertThat(tooMany.getIn().getHeader("CamelAzureServiceBusDeadLetterReason")).isEqualTo("TooManyItems");
    }
}
