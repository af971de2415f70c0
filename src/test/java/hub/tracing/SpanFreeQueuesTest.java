package hub.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.component.seda.SedaComponent;
import org.apache.camel.component.seda.SedaEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class SpanFreeQueuesTest {

    private final DefaultCamelContext camel = new DefaultCamelContext();

    private Exchange traced(String traceparent) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody("{\"jobId\":\"j\"}");
        if (traceparent != null) {
            exchange.getMessage().setHeader(SpanFreeQueues.TRACEPARENT, traceparent);
        }
        exchange.setProperty(ExchangePropertyKey.OTEL_ACTIVE_SPAN, new Object());
        return exchange;
    }

    @Test
    void everyWayIntoTheQueueDropsTheSpansOfAMessageThatCarriesItsTraceHeader() throws Exception {
        BlockingQueue<Exchange> queue = new SpanFreeQueues().create(10);
        String header = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        queue.add(traced(header));
        queue.offer(traced(header));
        queue.offer(traced(header), 1, TimeUnit.SECONDS);
        queue.put(traced(header));

        assertThat(queue).hasSize(4).allSatisfy(queued -> {
            assertThat(queued.getProperty(ExchangePropertyKey.OTEL_ACTIVE_SPAN)).isNull();
            assertThat(queued.getMessage().getHeader(SpanFreeQueues.TRACEPARENT)).isEqualTo(header);
            assertThat(queued.getMessage().getBody()).isEqualTo("{\"jobId\":\"j\"}");
        });
    }

    @Test
    void aMessageWithoutTheHeaderKeepsItsSpanItsOnlyLinkToTheTrace() {
        BlockingQueue<Exchange> queue = new SpanFreeQueues().create(10);
        Exchange untraced = traced(null);
        Object span = untraced.getProperty(ExchangePropertyKey.OTEL_ACTIVE_SPAN);

        queue.offer(untraced);

        assertThat(queue.peek().getProperty(ExchangePropertyKey.OTEL_ACTIVE_SPAN)).isSameAs(span);
    }

    @Test
    void theCapacityHolds() {
        BlockingQueue<Exchange> queue = new SpanFreeQueues().create(1);

        assertThat(queue.offer(traced(null))).isTrue();
        assertThat(queue.offer(traced(null))).isFalse();
        assertThat(new SpanFreeQueues().create().remainingCapacity()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void aSedaSendQueuesACopyWithoutSpansAndLeavesTheSendersExchangeAsItWas() throws Exception {
        SedaComponent seda = new SedaComponent();
        seda.setDefaultQueueFactory(new SpanFreeQueues());
        camel.addComponent("seda", seda);
        camel.start();
        try {
            Exchange sent = traced("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
            Object span = sent.getProperty(ExchangePropertyKey.OTEL_ACTIVE_SPAN);

            camel.createProducerTemplate().send("seda:jobs?size=5", sent);

            BlockingQueue<Exchange> queue = camel.getEndpoint("seda:jobs?size=5", SedaEndpoint.class).getQueue();
            assertThat(queue).hasSize(1);
            assertThat(queue.peek()).isNotSameAs(sent);
            assertThat(queue.peek().getProperty(ExchangePropertyKey.OTEL_ACTIVE_SPAN)).isNull();
            assertThat(sent.getProperty(ExchangePropertyKey.OTEL_ACTIVE_SPAN)).isSameAs(span);
        } finally {
            camel.stop();
        }
    }
}
