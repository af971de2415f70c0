package hub.job;

import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.springframework.stereotype.Component;

/**
 * Sends the message of an exchange to a queue route on an exchange of its own that carries only what crosses a
 * queue: the body, the {@code CamelAzureServiceBus*} headers and the active trace span. An in-memory queue (the
 * local profile's seda) keeps the exchange it is given until a worker takes it; a submission's exchange would keep
 * the article, the request's headers and every property alive for as long as the job waits (docs/performance.md).
 */
@Component("queueHandOff")
public class QueueHandOff {

    static final String HEADER_PREFIX = "CamelAzureServiceBus";

    private final ProducerTemplate producer;

    public QueueHandOff(ProducerTemplate producer) {
        this.producer = producer;
    }

    /** Route step: sends the message to {@code uri}; a failed send is rethrown to the calling route. */
    public void send(Exchange exchange, String uri) throws Exception {
        Exchange message = leanCopy(exchange);
        producer.send(uri, message);
        if (message.getException() != null) {
            throw message.getException();
        }
    }

    static Exchange leanCopy(Exchange exchange) {
        Exchange message = new DefaultExchange(exchange.getContext(), ExchangePattern.InOnly);
        message.getMessage().setBody(exchange.getMessage().getBody());
        for (Map.Entry<String, Object> header : exchange.getMessage().getHeaders().entrySet()) {
            if (header.getKey().startsWith(HEADER_PREFIX)) {
                message.getMessage().setHeader(header.getKey(), header.getValue());
            }
        }
        // The send's span, and the worker's, belong to the caller's trace.
        Object span = exchange.getProperty(ExchangePropertyKey.OTEL_ACTIVE_SPAN);
        if (span != null) {
            message.setProperty(ExchangePropertyKey.OTEL_ACTIVE_SPAN, span);
        }
        return message;
    }
}
