package hub.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class QueueHandOffTest {

    @Test
    void theQueuedExchangeHoldsTheMessageItsServiceBusHeadersAndTheTraceOnly() {
        Exchange submission = new DefaultExchange(new DefaultCamelContext(), ExchangePattern.InOut);
        submission.getMessage().setBody("{\"jobId\":\"j\"}");
        submission.getMessage().setHeader("CamelAzureServiceBusMessageId", "j");
        submission.getMessage().setHeader("Authorization", "Bearer secret");
        submission.setProperty("articleJson", "{\"text\":\"a long article\"}");
        Object span = new Object();
        submission.setProperty(ExchangePropertyKey.OTEL_ACTIVE_SPAN, span);

        Exchange message = QueueHandOff.leanCopy(submission);

        assertThat(message.getPattern()).isEqualTo(ExchangePattern.InOnly);
        assertThat(message.getMessage().getBody()).isEqualTo("{\"jobId\":\"j\"}");
        assertThat(message.getMessage().getHeaders()).containsOnlyKeys("CamelAzureServiceBusMessageId");
        assertThat(message.getProperties()).doesNotContainKey("articleJson");
        assertThat(message.getProperty(ExchangePropertyKey.OTEL_ACTIVE_SPAN)).isSameAs(span);
        assertThat(submission.getMessage().getHeader("Authorization")).as("the caller's exchange is untouched").isNotNull();
    }
}
