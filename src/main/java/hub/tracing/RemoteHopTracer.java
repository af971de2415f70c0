package hub.tracing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.NamedNode;
import org.apache.camel.component.direct.DirectEndpoint;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.observation.MicrometerObservationTracer;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.tracing.SpanDecorator;
import org.apache.camel.tracing.decorators.AbstractInternalSpanDecorator;

/**
 * Camel's tracer with spans for what crosses the process boundary (the routes that consume queue and timer events,
 * and every call to PostgreSQL, Redis, the blob store, the LLM or Smart Search) but none for the in-process hops
 * between routes, nor for the REST routes, which Spring MVC's server span covers ({@link #servedBySpringMvc}). A
 * {@code direct:} sub-route is a function call of its caller, and its spans cost more than the rest of a cached status
 * read (see docs/performance.md). Work done in a direct sub-route belongs to the caller's span; its outgoing calls
 * are that span's children.
 */
class RemoteHopTracer extends MicrometerObservationTracer {

    /** The decorator of in-process endpoints: it never opens a span. */
    static final SpanDecorator IN_PROCESS = new AbstractInternalSpanDecorator() {
        @Override
        public String getComponent() {
            return "direct";
        }

        @Override
        public String getComponentClassName() {
            return DirectEndpoint.class.getName();
        }

        @Override
        public boolean newSpan() {
            return false;
        }
    };

    @Override
    public RoutePolicy createRoutePolicy(CamelContext context, String routeId, NamedNode route) {
        return consumesDirect(route) || servedBySpringMvc(route) ? null : super.createRoutePolicy(context, routeId, route);
    }

    /**
     * The decorator of each URI scheme. Camel's lookup of a scheme it has no decorator for (the Redis and Caffeine
     * caches, beans) streams over every decorator it knows, on every call to such an endpoint.
     */
    private final Map<String, SpanDecorator> decorators = new ConcurrentHashMap<>();

    @Override
    protected SpanDecorator getSpanDecorator(Endpoint endpoint) {
        if (endpoint instanceof DirectEndpoint) {
            return IN_PROCESS;
        }
        String uri = endpoint.getEndpointUri();
        int colon = uri.indexOf(':');
        return colon < 0 ? super.getSpanDecorator(endpoint)
                : decorators.computeIfAbsent(uri.substring(0, colon), scheme -> super.getSpanDecorator(endpoint));
    }

    static boolean consumesDirect(NamedNode route) {
        return inputStartsWith(route, "direct:");
    }

    /**
     * The REST routes (the contract's {@code rest-openapi:} route and any {@code platform-http:} one) run inside
     * Spring MVC, whose server span, continuing the caller's {@code traceparent}, is current while they run: a route
     * span would be its twin. Their outgoing calls are the server span's children.
     */
    static boolean servedBySpringMvc(NamedNode route) {
        return inputStartsWith(route, "rest-openapi:") || inputStartsWith(route, "platform-http:");
    }

    private static boolean inputStartsWith(NamedNode route, String scheme) {
        return route instanceof RouteDefinition definition && definition.getInput() != null
                && definition.getInput().getEndpointUri() != null
                && definition.getInput().getEndpointUri().startsWith(scheme);
    }
}
