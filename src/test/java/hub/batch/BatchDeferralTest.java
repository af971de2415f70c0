package hub.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.OffsetDateTime;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class BatchDeferralTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private Exchange delivery(Map<String, Object> headers) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getIn().setHeaders(new java.util.HashMap<>(headers));
        exchange.getIn().setBody("ignored");
        exchange.setProperty("batchMessage", "{\"batchId\": \"b\"}");
        exchange.setProperty("messageId", "m-1");
        return exchange;
    }

    @Test
    void resendsTheOriginalMessageWithTheNextAttemptAndTheBackoff() {
        BatchDeferral deferral = new BatchDeferral(1000, 4000, 4, false, registry);
        Exchange exchange = delivery(Map.of("CamelAzureServiceBusMessageId", "m-1", "CamelAzureServiceBusLockToken", "t"));
        OffsetDateTime before = OffsetDateTime.now();

        deferral.defer(exchange);

        assertThat(exchange.getIn().getBody(String.class)).isEqualTo("{\"batchId\": \"b\"}");
        assertThat(exchange.getIn().getHeaders()).doesNotContainKeys("CamelAzureServiceBusMessageId", "CamelAzureServiceBusLockToken")
                .containsEntry("messageId", "m-1").containsEntry("hubAttempt", "2");
        assertThat(exchange.getIn().getHeader("CamelAzureServiceBusScheduledEnqueueTime", OffsetDateTime.class))
                .isBetween(before.plusSeconds(1), OffsetDateTime.now().plusSeconds(1));
        assertThat(exchange.getProperty("localDelayMs", Long.class)).isEqualTo(1000);
        assertThat(registry.counter("batch_messages_deferred").count()).isEqualTo(1);
    }

    @Test
    void readsTheAttemptFromAHeaderOrAServiceBusApplicationPropertyAndGivesUpAfterTheLast() {
        BatchDeferral deferral = new BatchDeferral(1000, 4000, 4, true, registry);
        assertThat(deferral.attempt(delivery(Map.of()))).isEqualTo(1);
        assertThat(deferral.attempt(delivery(Map.of("hubAttempt", "3")))).isEqualTo(3);
        Exchange fromServiceBus = delivery(Map.of("CamelAzureServiceBusApplicationProperties",
                Map.of("hubAttempt", 4, "messageId", "original")));
        assertThat(deferral.attempt(fromServiceBus)).isEqualTo(4);
        assertThat(BatchDeferral.delivered(fromServiceBus, "messageId")).isEqualTo("original");
        assertThat(deferral.exhausted(delivery(Map.of("hubAttempt", "3")))).isFalse();
        assertThat(deferral.exhausted(fromServiceBus)).isTrue();

        Exchange third = delivery(Map.of("hubAttempt", "3"));
        deferral.defer(third);
        assertThat(third.getProperty("retryDelayMs", Long.class)).isEqualTo(4000);
        assertThat(third.getProperty("localDelayMs", Long.class)).as("the broker schedules it").isZero();
    }
}
