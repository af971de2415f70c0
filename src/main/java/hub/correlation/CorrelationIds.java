package hub.correlation;

import java.util.Map;
import org.apache.camel.Exchange;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Carries the {@code X-Correlation-ID} of a submission past the request thread: the exchange property
 * {@value #PROPERTY} travels with the job message (body field and the Service Bus {@value #SERVICE_BUS_HEADER}),
 * and the worker binds the job row's id to its MDC and to the outgoing LLM and Smart Search calls.
 */
@Component("correlationIds")
public class CorrelationIds {

    public static final String PROPERTY = "correlationId";
    public static final String SERVICE_BUS_HEADER = "CamelAzureServiceBusCorrelationId";

    /**
     * Worker step after the claim: the claimed job row's correlation id (else the message's) becomes the property
     * and the MDC entry of this thread; a job without one clears both, so nothing leaks from the previous job.
     */
    public void bind(Exchange exchange) {
        Object row = exchange.getIn().getBody();
        Object fromRow = row instanceof Map<?, ?> map ? map.get("correlation_id") : null;
        String id = fromRow != null ? fromRow.toString()
                : exchange.getIn().getHeader(SERVICE_BUS_HEADER, String.class);
        exchange.setProperty(PROPERTY, id);
        if (id == null) {
            MDC.remove(CorrelationIdFilter.MDC_KEY);
        } else {
            MDC.put(CorrelationIdFilter.MDC_KEY, id);
        }
    }

    /**
     * Intake step for a queued batch: without a REST request, the broker message's correlation id (if any) is the
     * batch's.
     */
    public void fromBroker(Exchange exchange) {
        if (exchange.getProperty(PROPERTY) == null) {
            exchange.setProperty(PROPERTY, exchange.getIn().getHeader(SERVICE_BUS_HEADER, String.class));
        }
    }
}
