package routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The copyable example of docs/routes.md, "Test a route": one route file (complete-batch) run on its own, its
 * external endpoint (the SQL statement against PostgreSQL) replaced by a mock that answers like the database, and
 * the routes it calls replaced by mocks that record what they were sent. Runs in about a second; no Spring, no
 * database.
 */
class CompleteBatchRouteTest {

    private final RouteTestKit kit = new RouteTestKit();

    @AfterEach
    void stop() {
        kit.close();
    }

    private CamelContext start() throws Exception {
        kit.routes("complete-batch")
                .advice("complete-batch", route -> {
                    // The external endpoint: the SQL statement becomes a mock (answered per test below).
                    route.weaveByToUri("sql:*").replace().to("mock:complete-batch-sql");
                    // The routes it calls: recorded and not run.
                    route.mockEndpointsAndSkip("direct:send-batch-events");
                    route.weaveByToUri("direct:publish-batch-result").replace().to("mock:publish-batch-result");
                });
        return kit.start();
    }

    @Test
    void aBatchWhoseLastJobEndedSendsItsCompletionEventAndPublishesIt() throws Exception {
        CamelContext camel = start();
        MockEndpoint sql = camel.getEndpoint("mock:complete-batch-sql", MockEndpoint.class);
        Map<String, Object> row = new LinkedHashMap<>(Map.of("id", "b-1", "events", 1L, "completed", 2L, "failed", 0L));
        sql.whenAnyExchangeReceived(e -> e.getMessage().setBody(row));
        MockEndpoint send = camel.getEndpoint("mock:direct:send-batch-events", MockEndpoint.class);
        send.expectedPropertyReceived("eventBatch", "b-1");
        MockEndpoint publish = camel.getEndpoint("mock:publish-batch-result", MockEndpoint.class);
        publish.expectedBodiesReceived(row);

        camel.createProducerTemplate().send("direct:complete-batch", batchJobEnded(camel, "b-1"));

        MockEndpoint.assertIsSatisfied(camel, 5, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(sql.getReceivedCounter()).isEqualTo(1);
    }

    @Test
    void aBatchWithJobsLeftDoesNothingMore() throws Exception {
        CamelContext camel = start();
        // complete-batch.sql returns no row while jobs of the batch are QUEUED or RUNNING.
        camel.getEndpoint("mock:complete-batch-sql", MockEndpoint.class)
                .whenAnyExchangeReceived(e -> e.getMessage().setBody(null));
        camel.getEndpoint("mock:direct:send-batch-events", MockEndpoint.class).expectedMessageCount(0);
        camel.getEndpoint("mock:publish-batch-result", MockEndpoint.class).expectedMessageCount(0);

        camel.createProducerTemplate().send("direct:complete-batch", batchJobEnded(camel, "b-2"));

        MockEndpoint.assertIsSatisfied(camel);
    }

    @Test
    void aJobOutsideABatchNeverTouchesTheDatabase() throws Exception {
        CamelContext camel = start();
        camel.getEndpoint("mock:complete-batch-sql", MockEndpoint.class).expectedMessageCount(0);

        camel.createProducerTemplate().send("direct:complete-batch", new DefaultExchange(camel));

        MockEndpoint.assertIsSatisfied(camel);
    }

    private static Exchange batchJobEnded(CamelContext camel, String batch) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.setProperty("batchUuid", batch);
        return exchange;
    }
}
