package hub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class DeliveriesTest {

    private final Deliveries deliveries = new Deliveries();

    @Test
    void theDestinationsOfAnEventAreTheRoutesConsumingItsQueuesInRouteIdOrder() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("seda:deliver-report-completed-teams?size=5").routeId("z-teams").log("x");
                    from("seda:deliver-report-completed-partner").routeId("a-partner").log("x");
                    from("seda:deliver-batch-completed-partner").routeId("batches").log("x");
                    from("seda:deliver-report-completedx").routeId("not-a-destination").log("x");
                }
            });
            camel.start();
            assertThat(deliveries.destinationsIn(camel, "report-completed")).containsExactly(
                    "seda://deliver-report-completed-partner", "seda://deliver-report-completed-teams?size=5");
            assertThat(deliveries.destinationsIn(camel, "batch-completed"))
                    .containsExactly("seda://deliver-batch-completed-partner");
            assertThatThrownBy(() -> deliveries.destinationsIn(camel, "job-failed"))
                    .hasMessageContaining("Unknown delivery event 'job-failed'");
        }
    }

    @Test
    void aReportEventCarriesIdsScoreAndLinksButNoArticle() {
        Exchange e = new DefaultExchange(new DefaultCamelContext());
        e.setProperty("jobId", "j-1");
        e.setProperty("guidelineSetId", "default");
        e.setProperty("reportScore", 82.5);
        e.setProperty("reportPartial", false);
        e.setProperty("correlationId", "c-1");
        e.setProperty("articleJson", "{\"text\":\"secret draft\"}");

        Map<String, Object> event = deliveries.reportEvent(e);

        assertThat(event).containsEntry("type", "report.completed").containsEntry("jobId", "j-1")
                .containsEntry("guidelineSet", "default").containsEntry("score", 82.5)
                .containsEntry("partial", false).containsEntry("correlationId", "c-1").doesNotContainKey("batch")
                .containsEntry("links", Map.of("self", "/api/v1/jobs/j-1", "result", "/api/v1/jobs/j-1/result"));
        assertThat(event.toString()).doesNotContain("secret draft");
    }

    @Test
    void aBatchEventCarriesTheCountsFromTheCompletingRow() {
        Map<String, Object> event = deliveries.batchEvent(Map.of("id", "b-1", "external_batch_id", "mine",
                "submitter", "it", "item_count", 3, "completed", 2L, "failed", 1L));

        assertThat(event).containsEntry("type", "batch.completed").containsEntry("id", "b-1")
                .containsEntry("batchId", "mine").containsEntry("items", 3)
                .containsEntry("counts", Map.of("COMPLETED", 2L, "FAILED", 1L))
                .containsEntry("links", Map.of("self", "/api/v1/batches/b-1", "results", "/api/v1/batches/b-1/results"));
    }
}
