package hub.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import hub.batch.BatchIds;
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
    "hub.queue.batches.broker-dead-lettering=true",
    "hub.queue.batches.retry-uri=azure-servicebus:compliance-batches?connectionString=RAW(${hub.servicebus.connection-string})&producerOperation=scheduleMessages",
    "hub.queue.batches.retry.scheduled-by-broker=true",
    "hub.queue.batches.retry.max-attempts=3",
    "hub.batch.reply-to.allowed-topics=compliance-results",
    "hub.batch.completion-uri=azure-servicebus:$simple{exchangeProperty.replyToName}?serviceBusType=$simple{exchangeProperty.replyToKind}&connectionString=RAW(${hub.servicebus.connection-string})&producerOperation=sendMessages"
})
class ServiceBusRouteIT extends LocalServicesIT {

    @Autowired
    CamelContext camel;

    @Autowired
    ProducerTemplate template;

    @EndpointInject("mock:servicebus-jobs")
    MockEndpoint sent;

    @EndpointInject("mock:servicebus-retries")
    MockEndpoint retries;

    @EndpointInject("mock:servicebus-events")
    MockEndpoint events;

    /** While set, submit-batch's store step fails as if PostgreSQL were down. */
    static final java.util.concurrent.atomic.AtomicBoolean STORE_OUTAGE = new java.util.concurrent.atomic.AtomicBoolean();

    @BeforeEach
    void replaceServiceBusEndpoints() throws Exception {
        if (!camel.isStarted()) {
            AdviceWith.adviceWith(camel, "process-job", a -> a.replaceFromWith("direct:servicebus-jobs"));
            AdviceWith.adviceWith(camel, "consume-batches", a -> a.replaceFromWith("direct:servicebus-batches"));
            AdviceWith.adviceWith(camel, "send-job-message",
                    a -> a.weaveById("send-to-jobs-queue").replace().to("mock:servicebus-jobs"));
            AdviceWith.adviceWith(camel, "defer-batch-message",
                    a -> a.weaveById("resend-batch-message").replace().to("mock:servicebus-retries"));
            AdviceWith.adviceWith(camel, "send-batch-events",
                    a -> a.interceptSendToEndpoint("azure-servicebus:*").skipSendToOriginalEndpoint()
                            .to("mock:servicebus-events"));
            AdviceWith.adviceWith(camel, "submit-batch", a -> a.weaveByToString(".*batchStore.*").before().process(e -> {
                if (STORE_OUTAGE.get()) {
                    throw new org.springframework.jdbc.CannotGetJdbcConnectionException("Connection refused: 127.0.0.1:5432");
                }
            }));
            // The start-up recovery re-sends every QUEUED job once, 100 ms after the start; let it pass first, so
            // that it cannot add messages to a test's expectations.
            org.apache.camel.builder.NotifyBuilder recovered = new org.apache.camel.builder.NotifyBuilder(camel)
                    .fromRoute("recover-jobs-at-startup").whenDone(1).create();
            camel.start();
            assertThat(recovered.matches(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
        sent.reset();
        retries.reset();
        events.reset();
        STORE_OUTAGE.set(false);
    }

    @Test
    void submittedJobsTravelAsServiceBusMessagesAndDuplicatesChangeNothing() throws Exception {
        sent.expectedMessageCount(1);
        String correlationId = "sb-corr-" + java.util.UUID.randomUUID();
        java.net.http.HttpResponse<String> accepted = hub.post("/api/v1/jobs", "application/json",
                java.net.http.HttpRequest.BodyPublishers.ofString(submission("it-llm", "An article for the queue.")),
                "X-Correlation-ID", correlationId);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String jobId = HubClient.json(accepted).path("jobId").asText();
        sent.assertIsSatisfied(5_000);

        Exchange message = sent.getExchanges().get(0);
        assertThat(message.getIn().getBody(String.class))
                .isEqualTo("{\"jobId\":\"" + jobId + "\",\"correlationId\":\"" + correlationId + "\"}");
        assertThat(message.getIn().getHeader("CamelAzureServiceBusMessageId")).isEqualTo(jobId);
        assertThat(message.getIn().getHeader("CamelAzureServiceBusCorrelationId")).isEqualTo(correlationId);
        // Only the message crosses the queue: not the request's headers (its bearer token), nor the article.
        assertThat(message.getIn().getHeaders().keySet()).as("the queued message's headers")
                .noneMatch(name -> name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase("Content-Type"));
        assertThat(message.getIn().getHeader("traceparent", String.class)).as("the trace travels with it").isNotBlank();
        assertThat(message.getProperties()).as("the queued exchange's properties").doesNotContainKeys("articleJson", "jobRow");

        Map<String, Object> delivery = Map.of("CamelAzureServiceBusMessageId", jobId,
                "CamelAzureServiceBusDeliveryCount", 1L);
        template.sendBodyAndHeaders("direct:servicebus-jobs", message.getIn().getBody(), delivery);
        hub.awaitStatus(jobId, Set.of("COMPLETED"), Duration.ofSeconds(30));
        String report = hub.get("/api/v1/jobs/" + jobId + "/result").body();
        assertThat(HubClient.json(hub.get("/api/v1/jobs/" + jobId + "/result")).path("correlationId").asText())
                .isEqualTo(correlationId);

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
        String jobId = hub.submit(submission("it-llm", "An article that goes missing."));
        sent.assertIsSatisfied(5_000);
        jdbc.update("DELETE FROM job_articles WHERE job_id = CAST(? AS uuid)", jobId);

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
            e.getIn().setHeaders(Map.of("CamelAzureServiceBusMessageId", messageId, "CamelAzureServiceBusDeliveryCount", 1L,
                    "CamelAzureServiceBusCorrelationId", "corr-" + messageId));
        });
        assertThat(first.isFailed()).isFalse();
        sent.assertIsSatisfied(5_000);
        assertThat(sent.getExchanges()).as("the batch message's correlation id travels with each job message")
                .extracting(x -> x.getIn().getHeader("CamelAzureServiceBusCorrelationId", String.class))
                .containsOnly("corr-" + messageId);

        String id = jdbc.queryForObject("SELECT CAST(id AS text) FROM batches WHERE message_id = ?", String.class, messageId);
        java.util.List<String> jobIds = jdbc.queryForList(
                "SELECT CAST(id AS text) FROM jobs WHERE batch_id = CAST(? AS uuid) ORDER BY id", String.class, id);
        assertThat(sent.getExchanges()).extracting(x -> x.getIn().getHeader("CamelAzureServiceBusMessageId", String.class))
                .containsExactlyInAnyOrderElementsOf(jobIds);
        assertThat(jdbc.queryForList("SELECT correlation_id FROM jobs WHERE batch_id = CAST(? AS uuid)", String.class, id))
                .containsOnly("corr-" + messageId);

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

    @Test
    void aSingleArticleMessageBecomesOneJobKeyedByItsMessageIdAndItsCompletionGoesToATopic() throws Exception {
        sent.expectedMessageCount(1);
        events.expectedMessageCount(1);
        String messageId = java.util.UUID.randomUUID().toString();
        String body = "{\"submitter\": \"cms\", \"externalRef\": \"article-7\", \"replyTo\": \"topic:compliance-results\","
                + " \"guidelineSet\": \"it-rules\", \"article\": {\"text\": \"A single article from the CMS.\"}}";
        Map<String, Object> delivery = Map.of("CamelAzureServiceBusMessageId", messageId, "CamelAzureServiceBusDeliveryCount", 1L);

        assertThat(template.send("direct:servicebus-batches", e -> {
            e.getIn().setBody(body);
            e.getIn().setHeaders(delivery);
        }).isFailed()).isFalse();
        sent.assertIsSatisfied(5_000);
        String jobId = sent.getExchanges().get(0).getIn().getHeader("CamelAzureServiceBusMessageId", String.class);
        assertThat(jobId).isEqualTo(BatchIds.jobId("message:" + messageId, "article-7"));
        assertThat(jdbc.queryForObject("SELECT external_ref FROM jobs WHERE id = CAST(? AS uuid)", String.class, jobId))
                .isEqualTo("article-7");

        sent.reset();
        template.sendBodyAndHeaders("direct:servicebus-batches", body, delivery);
        assertThat(sent.getReceivedCounter()).as("the same message id creates nothing new").isZero();

        template.sendBodyAndHeaders("direct:servicebus-jobs", "{\"jobId\":\"" + jobId + "\"}",
                Map.of("CamelAzureServiceBusMessageId", jobId, "CamelAzureServiceBusDeliveryCount", 1L));
        // assertIsSatisfied(millis) only bounds the wait for an endpoint expected empty; a count waits resultWaitTime
        // (10 s by default), too short for the completion sweep on a busy machine.
        events.setResultWaitTime(30_000);
        events.assertIsSatisfied();
        Exchange event = events.getExchanges().get(0);
        assertThat(event.getProperty(Exchange.INTERCEPTED_ENDPOINT, String.class))
                .startsWith("azure-servicebus://compliance-results?")
                .contains("serviceBusType=topic").contains("producerOperation=sendMessages");
        assertThat(event.getIn().getHeader("CamelAzureServiceBusMessageId", String.class))
                .isEqualTo("batch-completed-" + BatchIds.batchId("message:" + messageId));
        JsonNode payload = new com.fasterxml.jackson.databind.ObjectMapper().readTree(event.getIn().getBody(String.class));
        assertThat(payload.path("counts").path("COMPLETED").asInt()).isEqualTo(1);
        assertThat(payload.path("links").path("results").asText())
                .isEqualTo("/api/v1/batches/" + BatchIds.batchId("message:" + messageId) + "/results");
    }

    @Test
    void aBatchMessageThatMeetsAStoreOutageIsScheduledAgainAndDeadLetteredOnceItsRetriesAreSpent() throws Exception {
        STORE_OUTAGE.set(true);
        retries.expectedMessageCount(1);
        String messageId = java.util.UUID.randomUUID().toString();
        String batchId = "sb-outage-" + java.util.UUID.randomUUID();
        String body = BatchIntakeIT.batch(batchId, 2, "it-rules");

        Exchange first = template.send("direct:servicebus-batches", e -> {
            e.getIn().setBody(body);
            e.getIn().setHeaders(Map.of("CamelAzureServiceBusMessageId", messageId, "CamelAzureServiceBusDeliveryCount", 1L));
        });

        assertThat(first.isFailed()).as("the delivery completes: its retry is a scheduled message").isFalse();
        retries.assertIsSatisfied(5_000);
        Exchange retry = retries.getExchanges().get(0);
        assertThat(retry.getIn().getBody(String.class)).isEqualTo(body);
        assertThat(retry.getIn().getHeaders()).containsEntry("messageId", messageId).containsEntry("hubAttempt", "2")
                .doesNotContainKey("CamelAzureServiceBusMessageId");
        assertThat(retry.getIn().getHeader("CamelAzureServiceBusScheduledEnqueueTime", java.time.OffsetDateTime.class))
                .isAfter(java.time.OffsetDateTime.now());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM batches WHERE external_batch_id = ?", Long.class, batchId)).isZero();

        // The broker delivers the scheduled message with a new message id; its application properties carry the rest.
        Exchange last = template.send("direct:servicebus-batches", e -> {
            e.getIn().setBody(body);
            e.getIn().setHeaders(Map.of("CamelAzureServiceBusMessageId", java.util.UUID.randomUUID().toString(),
                    "CamelAzureServiceBusApplicationProperties", Map.of("messageId", messageId, "hubAttempt", "3")));
        });
        assertThat(last.isFailed()).as("rethrown, so that Service Bus dead-letters it").isTrue();
        assertThat(last.getIn().getHeader("CamelAzureServiceBusDeadLetterReason")).isEqualTo("RetriesExhausted");
        assertThat(last.getIn().getHeader("CamelAzureServiceBusDeadLetterErrorDescription", String.class))
                .contains("Connection refused");
        assertThat(retries.getReceivedCounter()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT reason FROM dead_letters WHERE message_id = ?", String.class, messageId))
                .isEqualTo("RetriesExhausted");

        // The store is back and the same message arrives once more (redelivered after the broker could not
        // dead-letter it): it is stored once, and the dead letter is not duplicated.
        STORE_OUTAGE.set(false);
        sent.expectedMessageCount(2);
        template.sendBodyAndHeaders("direct:servicebus-batches", body, Map.of("CamelAzureServiceBusMessageId", messageId));
        sent.assertIsSatisfied(5_000);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM jobs j JOIN batches b ON b.id = j.batch_id "
                + "WHERE b.external_batch_id = ?", Long.class, batchId)).isEqualTo(2);
        template.send("direct:servicebus-batches", e -> {
            e.getIn().setBody("{\"batchId\": ");
            e.getIn().setHeader("CamelAzureServiceBusMessageId", messageId);
        });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM dead_letters WHERE message_id = ?", Long.class, messageId))
                .isEqualTo(1);
    }
}
