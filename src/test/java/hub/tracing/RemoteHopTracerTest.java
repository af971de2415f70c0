package hub.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.RouteDefinition;
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
    void sendsToDirectOpenNoSpanSendsThatLeaveTheProcessDo() {
        assertThat(tracer.getSpanDecorator(camel.getEndpoint("direct:llm-chat")).newSpan()).isFalse();
        assertThat(tracer.getSpanDecorator(camel.getEndpoint("direct:llm-chat")).getComponent()).isEqualTo("direct");
        assertThat(tracer.getSpanDecorator(camel.getEndpoint("seda:jobs")).newSpan()).isTrue();
        assertThat(tracer.getSpanDecorator(camel.getEndpoint("timer:recover-jobs")).newSpan()).isTrue();
    }

    @Test
    void eachSchemeKeepsTheDecoratorCamelGivesIt() {
        for (String uri : new String[] {"seda:jobs", "seda:batches", "timer:recover-jobs", "mock:undecorated", "mock:other"}) {
            var endpoint = camel.getEndpoint(uri);
            assertThat(tracer.getSpanDecorator(endpoint)).as(uri).isSameAs(new RemoteHopTracer().getSpanDecorator(endpoint));
        }
        assertThat(tracer.getSpanDecorator(camel.getEndpoint("mock:other")))
                .isSameAs(tracer.getSpanDecorator(camel.getEndpoint("mock:undecorated")));
    }
}
