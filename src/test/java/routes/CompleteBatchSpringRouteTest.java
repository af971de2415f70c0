package routes;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;

/**
 * The same route test as {@link CompleteBatchRouteTest} in the style of the camel-spring-boot examples
 * ({@code @CamelSpringBootTest}, {@code @UseAdviceWith}): Camel's Spring Boot auto-configuration loads the one route
 * file named in {@code camel.main.routes-include-pattern}; the test advises it before starting the context. Use this
 * form when the route calls beans that Spring should build ({@code @Import} them, or declare {@code @Bean}s in
 * {@link Routes}); the bare kit is faster otherwise.
 */
@CamelSpringBootTest
@UseAdviceWith
@SpringBootTest(classes = CompleteBatchSpringRouteTest.Routes.class, properties = {
    "camel.main.routes-include-pattern=file:src/main/resources/camel/70-batches/complete-batch.camel.yaml",
    "camel.main.name=complete-batch-test"
})
class CompleteBatchSpringRouteTest {

    /** Only Camel's own auto-configuration: no database, no web server, none of the hub's beans. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(CamelAutoConfiguration.class)
    static class Routes {
    }

    @Autowired
    CamelContext camel;

    @Autowired
    ProducerTemplate producer;

    @Test
    void aBatchWhoseLastJobEndedSendsItsCompletionEvent() throws Exception {
        AdviceWith.adviceWith(camel, "complete-batch", route -> {
            route.weaveByToUri("sql:*").replace().to("mock:complete-batch-sql");
            route.mockEndpointsAndSkip("direct:send-batch-events");
            route.weaveByToUri("direct:publish-batch-result").replace().to("mock:publish-batch-result");
        });
        camel.start();
        camel.getEndpoint("mock:complete-batch-sql", MockEndpoint.class)
                .whenAnyExchangeReceived(e -> e.getMessage().setBody(Map.of("id", "b-1", "events", 1L)));
        MockEndpoint send = camel.getEndpoint("mock:direct:send-batch-events", MockEndpoint.class);
        send.expectedPropertyReceived("eventBatch", "b-1");

        producer.send("direct:complete-batch", e -> e.setProperty("batchUuid", "b-1"));

        MockEndpoint.assertIsSatisfied(camel, 5, TimeUnit.SECONDS);
    }
}
