package hub.delivery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.springframework.stereotype.Component;

/**
 * The extension points for deliveries (docs/routes.md, "Deliver to a new destination"): the events the hub publishes
 * ({@code report-completed} after a job completed, {@code batch-completed} after a batch completed) and the
 * destinations subscribed to them. A destination is any route, usually made from the route template
 * {@code deliver-webhook}, whose consumer is {@code seda:deliver-<event>-<name>}: the publishing routes
 * ({@code publish-report}, {@code publish-batch-result}) find them here, so adding a destination needs no Java.
 */
@Component("deliveries")
public class Deliveries {

    /** The events a destination can subscribe to. */
    public static final List<String> EVENTS = List.of("report-completed", "batch-completed");

    /** The endpoint URIs of every route subscribed to {@code event}, in route id order. */
    public List<String> destinations(String event, Exchange exchange) {
        return destinationsIn(exchange.getContext(), event);
    }

    /** The endpoint URIs of every route subscribed to {@code event}, in route id order. */
    public List<String> destinationsIn(CamelContext camel, String event) {
        if (!EVENTS.contains(event)) {
            throw new IllegalArgumentException("Unknown delivery event '" + event + "'; known: " + EVENTS);
        }
        String prefix = "seda://deliver-" + event + "-";
        List<String> uris = new ArrayList<>();
        camel.getRoutes().stream()
                .sorted(java.util.Comparator.comparing(Route::getRouteId))
                .forEach(route -> {
                    String uri = route.getEndpoint().getEndpointUri();
                    if (uri.startsWith(prefix)) {
                        uris.add(uri);
                    }
                });
        return uris;
    }

    /** The event of a completed job, from the worker's exchange properties (after reportAssembler.assemble). */
    public Map<String, Object> reportEvent(Exchange exchange) {
        String jobId = exchange.getProperty("jobId", String.class);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "report.completed");
        event.put("jobId", jobId);
        event.put("guidelineSet", exchange.getProperty("guidelineSetId"));
        event.put("score", exchange.getProperty("reportScore"));
        event.put("partial", exchange.getProperty("reportPartial"));
        Object batch = exchange.getProperty("batchUuid");
        if (batch != null) {
            event.put("batch", String.valueOf(batch));
        }
        Object correlationId = exchange.getProperty("correlationId");
        if (correlationId != null) {
            event.put("correlationId", String.valueOf(correlationId));
        }
        event.put("links", Map.of("self", "/api/v1/jobs/" + jobId, "result", "/api/v1/jobs/" + jobId + "/result"));
        return event;
    }

    /** The event of a completed batch, from the row complete-batch.sql returned. */
    public Map<String, Object> batchEvent(Map<String, Object> row) {
        String id = String.valueOf(row.get("id"));
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "batch.completed");
        event.put("id", id);
        event.put("batchId", row.get("external_batch_id"));
        event.put("submitter", row.get("submitter"));
        event.put("items", row.get("item_count"));
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("COMPLETED", row.get("completed"));
        counts.put("FAILED", row.get("failed"));
        event.put("counts", counts);
        event.put("links", Map.of("self", "/api/v1/batches/" + id, "results", "/api/v1/batches/" + id + "/results"));
        return event;
    }
}
