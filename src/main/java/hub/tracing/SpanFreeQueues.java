package hub.tracing;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.component.seda.BlockingQueueFactory;
import org.springframework.stereotype.Component;

/**
 * The in-process queues ({@code seda:}, {@code camel.component.seda.default-queue-factory}) hold a message's trace as
 * the W3C {@code traceparent} header its send span wrote, never the sender's span objects.
 * <p>
 * Camel keeps a message's active span in an exchange property, and the queue holds a copy of the exchange with its
 * properties. That span's observation refers to its parent's, and so on up to the HTTP request's, whose context holds
 * the request itself (its headers, its cached body, Tomcat's request objects, which Tomcat recycles for other
 * requests). Each job waiting on the jobs queue kept about 16 KB so (21,000 queued jobs held 350 MB, and G1 ran a
 * marking cycle every second; docs/performance.md). The consumer's route policy starts its span from the header
 * instead, in the same trace, as it does for a message from Service Bus.
 */
@Component("spanFreeQueues")
public class SpanFreeQueues implements BlockingQueueFactory<Exchange> {

    static final String TRACEPARENT = "traceparent";

    @Override
    public BlockingQueue<Exchange> create() {
        return new SpanFreeQueue(Integer.MAX_VALUE);
    }

    @Override
    public BlockingQueue<Exchange> create(int capacity) {
        return new SpanFreeQueue(capacity);
    }

    /** Drops the span objects of a queued copy that carries its trace in the header; one without it keeps them. */
    static Exchange withoutSpans(Exchange queued) {
        if (queued != null && queued.getMessage().getHeader(TRACEPARENT) != null) {
            queued.removeProperty(ExchangePropertyKey.OTEL_ACTIVE_SPAN);
        }
        return queued;
    }

    /** Every way in: {@code add} goes through {@link #offer(Exchange)}. */
    private static final class SpanFreeQueue extends LinkedBlockingQueue<Exchange> {

        SpanFreeQueue(int capacity) {
            super(capacity);
        }

        @Override
        public boolean offer(Exchange exchange) {
            return super.offer(withoutSpans(exchange));
        }

        @Override
        public boolean offer(Exchange exchange, long timeout, TimeUnit unit) throws InterruptedException {
            return super.offer(withoutSpans(exchange), timeout, unit);
        }

        @Override
        public void put(Exchange exchange) throws InterruptedException {
            super.put(withoutSpans(exchange));
        }
    }
}
