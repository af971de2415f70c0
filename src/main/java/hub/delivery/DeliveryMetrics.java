package hub.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.stereotype.Component;

/**
 * {@code hub_deliveries_dropped_total{event,destination,reason}}: delivery events a destination never received
 * (docs/monitoring.md, alert {@code DeliveriesDropped}). {@code reason} is {@code retries_exhausted} when the
 * destination's route (the template {@code deliver-webhook}) gave up after its retries, {@code not_queued} when the
 * publishing route could not put the event on the destination's queue (full). Each destination's series start at 0
 * when the hub starts, so that the first drop is an increase too.
 */
@Component("deliveryMetrics")
public class DeliveryMetrics implements CamelContextConfiguration {

    public static final String RETRIES_EXHAUSTED = "retries_exhausted";
    public static final String NOT_QUEUED = "not_queued";
    /** Exchange properties the template sets on every event it delivers. */
    public static final String EVENT_PROPERTY = "deliveryEventType";
    public static final String DESTINATION_PROPERTY = "deliveryDestination";

    private final MeterRegistry registry;
    private final Deliveries deliveries;

    public DeliveryMetrics(MeterRegistry registry, Deliveries deliveries) {
        this.registry = registry;
        this.deliveries = deliveries;
    }

    /** The template's dead letter: the destination failed every attempt, the event is dropped. */
    public void retriesExhausted(Exchange exchange) {
        dropped(exchange.getProperty(EVENT_PROPERTY, String.class),
                exchange.getProperty(DESTINATION_PROPERTY, String.class), RETRIES_EXHAUSTED);
    }

    /** A publishing route could not queue the event for the destination at {@code uri}. */
    public void notQueued(String event, String uri) {
        dropped(event, name(event, uri), NOT_QUEUED);
    }

    public void dropped(String event, String destination, String reason) {
        counter(event, destination, reason).increment();
    }

    Counter counter(String event, String destination, String reason) {
        return Counter.builder("hub_deliveries_dropped")
                .description("Delivery events a destination never received, by event, destination and reason")
                .tag("event", String.valueOf(event)).tag("destination", String.valueOf(destination))
                .tag("reason", reason).register(registry);
    }

    /** {@code seda://deliver-report-completed-teams?size=100} → {@code teams}. */
    static String name(String event, String uri) {
        String u = String.valueOf(uri).replace("seda://", "seda:");
        String prefix = "seda:deliver-" + event + "-";
        if (!u.startsWith(prefix)) {
            return u;
        }
        int query = u.indexOf('?');
        return u.substring(prefix.length(), query < 0 ? u.length() : query);
    }

    @Override
    public void beforeApplicationStart(CamelContext camel) {
        // the destinations are routes: known once Camel has started
    }

    @Override
    public void afterApplicationStart(CamelContext camel) {
        for (String event : Deliveries.EVENTS) {
            for (String uri : deliveries.destinationsIn(camel, event)) {
                counter(event, name(event, uri), RETRIES_EXHAUSTED);
                counter(event, name(event, uri), NOT_QUEUED);
            }
        }
    }
}
