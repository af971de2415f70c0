package hub.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.observation.MicrometerObservationTracer;
import org.apache.camel.tracing.SpanDecorator;
import org.apache.camel.tracing.decorators.SedaSpanDecorator;
import org.apache.camel.tracing.decorators.TimerSpanDecorator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RemoteHopTracerTest {

    private final RemoteHopTracer tracer = new RemoteHopTracer();
    private CamelContext camel;

    @BeforeEach
    void start() {
        camel = new DefaultCamelContext();
        camel.start();
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void directSubRoutesGetNoRoutePolicyOtherRoutesDo() {
        assertThat(RemoteHopTracer.consumesDirect(new RouteDefinition("direct:cache-get"))).isTrue();
        assertThat(RemoteHopTracer.consumesDirect(new RouteDefinition("timer:recover-jobs"))).isFalse();
        assertThat(RemoteHopTracer.consumesDirect(new RouteDefinition("seda:jobs"))).isFalse();
        assertThat(tracer.createRoutePolicy(camel, "cache-get", new RouteDefinition("direct:cache-get"))).isNull();
    }

    @Test
    void theRestRoutesGetNoRoutePolicySpringMvcsServerSpanCoversThem() {
        RouteDefinition contract = new RouteDefinition("rest-openapi:classpath:static/openapi/compliance-hub.yaml");
        assertThat(RemoteHopTracer.servedBySpringMvc(contract)).isTrue();
        assertThat(RemoteHopTracer.servedBySpringMvc(new RouteDefinition("platform-http:/bench/floor/constant"))).isTrue();
        assertThat(RemoteHopTracer.servedBySpringMvc(new RouteDefinition("seda:jobs"))).isFalse();
        assertThat(tracer.createRoutePolicy(camel, "rest-api", contract)).isNull();
        assertThat(tracer.createRoutePolicy(camel, "process-job", new RouteDefinition("seda:jobs"))).isNotNull();
    }

    @Test
    void sendsToDirectOpenNoSpanSendsThatLeaveTheProcessDo() {
        assertThat(tracer.getSpanDecorator(camel.getEndpoint("direct:llm-chat")).newSpan()).isFalse();
        assertThat(tracer.getSpanDecorator(camel.getEndpoint("direct:llm-chat")).getComponent()).isEqualTo("direct");
        assertThat(tracer.getSpanDecorator(camel.getEndpoint("seda:jobs")).newSpan()).isTrue();
        assertThat(tracer.getSpanDecorator(camel.getEndpoint("timer:recover-jobs")).newSpan()).isTrue();
    }

    /**
     * The tracer's per-scheme cache must hand out Camel's own decorator, compared with a plain Camel tracer (not with
     * another RemoteHopTracer, which would share any bug). Seen failing against a planted bug: getSpanDecorator
     * returning {@code SpanDecorator.DEFAULT} for every non-direct endpoint (the old comparison with a second
     * RemoteHopTracer passed it).
     */
    @Test
    void eachSchemeKeepsTheDecoratorCamelGivesIt() {
        CamelsOwnTracer camels = new CamelsOwnTracer();
        // Twice over, in mixed order: the cache must not hand one scheme's decorator to another.
        for (int round = 0; round < 2; round++) {
            for (String uri : new String[] {"seda:jobs", "timer:recover-jobs", "seda:batches", "mock:undecorated",
                "mock:other"}) {
                var endpoint = camel.getEndpoint(uri);
                assertThat(tracer.getSpanDecorator(endpoint)).as(uri).isSameAs(camels.camelsDecorator(endpoint));
            }
        }
        assertThat(tracer.getSpanDecorator(camel.getEndpoint("seda:jobs"))).isInstanceOf(SedaSpanDecorator.class);
        assertThat(tracer.getSpanDecorator(camel.getEndpoint("timer:recover-jobs")))
                .isInstanceOf(TimerSpanDecorator.class);
        assertThat(tracer.getSpanDecorator(camel.getEndpoint("mock:other"))).isSameAs(SpanDecorator.DEFAULT);
    }

    /** Camel's tracer without the hub's changes: its decorator lookup is the reference. */
    private static final class CamelsOwnTracer extends MicrometerObservationTracer {
        SpanDecorator camelsDecorator(Endpoint endpoint) {
            return super.getSpanDecorator(endpoint);
        }
    }
}
