package routes;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.CamelContext;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The worked examples of docs/routes.md that run without the whole hub (the others are integration tests). */
class WorkedExamplesTest {

    private final RouteTestKit kit = new RouteTestKit();

    @AfterEach
    void stop() {
        kit.close();
    }

    /** "Swap an endpoint by configuration": the route file is the same, the setting picks the endpoint. */
    @Test
    void anEndpointIsSwappedBySettingsAlone() throws Exception {
        CamelContext camel = kit.routes("send-job-message")
                .property("hub.queue.jobs.producer", "mock:another-queue")
                .start();
        MockEndpoint other = camel.getEndpoint("mock:another-queue", MockEndpoint.class);
        other.expectedBodiesReceived("{\"jobId\":\"j-1\"}");

        camel.createProducerTemplate().sendBody("direct:send-job-message", "{\"jobId\":\"j-1\"}");

        other.assertIsSatisfied();
        assertThat(camel.getRoute("send-job-message").getEndpoint().getEndpointUri())
                .isEqualTo("direct://send-job-message");
    }

    /** "Add a step to the evaluation": the example route marks low scores and passes the others. */
    @Test
    void theExampleStepMarksLowScores() throws Exception {
        try (RouteTestKit example = new RouteTestKit()) {
            CamelContext c = example.routesFrom("docs/examples/routes/flag-low-scores.camel.yaml").start();
            assertThat(score(c, 25.3)).isTrue();
            assertThat(score(c, 80.0)).isFalse();
            assertThat(score(c, null)).isFalse();
        }
    }

    private static Boolean score(CamelContext camel, Double score) {
        org.apache.camel.Exchange e = new org.apache.camel.support.DefaultExchange(camel);
        e.setProperty("reportScore", score);
        e.setProperty("jobId", "j");
        return camel.createProducerTemplate().send("direct:flag-low-scores", e).getProperty("lowScore", Boolean.class);
    }
}
