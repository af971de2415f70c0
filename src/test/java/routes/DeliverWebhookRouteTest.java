package routes;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import hub.delivery.Deliveries;
import hub.delivery.DeliveryMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * docs/routes.md, "Deliver each completed report to a new destination": a destination made from the template
 * deliver-webhook, published to by publish-report, whose receiver (a WireMock on loopback) answers 500. The event is
 * tried four times, then dropped and counted in hub_deliveries_dropped_total{reason="retries_exhausted"}; an event
 * that does not fit a destination's queue is counted with reason="not_queued".
 */
class DeliverWebhookRouteTest {

    private final WireMockServer receiver =
            new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    private final RouteTestKit kit = new RouteTestKit();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void receiverAnswers500() {
        receiver.start();
        receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(500).withBody("down")));
    }

    @AfterEach
    void stop() {
        kit.close();
        receiver.stop();
    }

    @Test
    void anEventTheDestinationRefusesEveryTimeIsDroppedAndCounted() throws Exception {
        Deliveries deliveries = new Deliveries();
        DeliveryMetrics metrics = new DeliveryMetrics(registry, deliveries);
        CamelContext camel = kit.routes("deliver-webhook", "publish-report")
                .property("hub.deliveries.http-uri", "http://delivery?followRedirects=false")
                .bean("deliveries", deliveries)
                .bean("deliveryMetrics", metrics)
                .camel();
        TemplatedRouteBuilder.builder(camel, "deliver-webhook").routeId("deliver-report-down")
                .parameter("name", "down").parameter("event", "report-completed")
                .parameter("url", "http://127.0.0.1:" + receiver.port() + "/hook")
                .parameter("redeliveryDelay", "10").add();
        TemplatedRouteBuilder.builder(camel, "deliver-webhook").routeId("deliver-report-full")
                .parameter("name", "full").parameter("event", "report-completed")
                .parameter("url", "http://127.0.0.1:" + receiver.port() + "/full")
                .parameter("queueSize", "1").add();
        // The stopped destination's queued event would hold the shutdown for its whole timeout.
        camel.getShutdownStrategy().setTimeout(1);
        kit.start();
        metrics.afterApplicationStart(camel);
        assertThat(dropped("down", DeliveryMetrics.RETRIES_EXHAUSTED).count()).as("registered at start").isZero();
        // The "full" destination's consumer is stopped: its queue of one takes the first event and refuses the next.
        camel.getRouteController().stopRoute("deliver-report-full");

        camel.createProducerTemplate().send("direct:publish-report", completedJob(camel, "j-1"));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> dropped("down", DeliveryMetrics.RETRIES_EXHAUSTED).count() == 1.0);
        receiver.verify(4, postRequestedFor(urlEqualTo("/hook")));
        assertThat(dropped("full", DeliveryMetrics.NOT_QUEUED).count()).isZero();

        camel.createProducerTemplate().send("direct:publish-report", completedJob(camel, "j-2"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> dropped("down", DeliveryMetrics.RETRIES_EXHAUSTED).count() == 2.0);
        assertThat(dropped("full", DeliveryMetrics.NOT_QUEUED).count()).as("the second event did not fit").isEqualTo(1.0);
        assertThat(dropped("full", DeliveryMetrics.RETRIES_EXHAUSTED).count()).isZero();
        receiver.verify(8, postRequestedFor(urlEqualTo("/hook")));
    }

    private Counter dropped(String destination, String reason) {
        Counter counter = registry.find("hub_deliveries_dropped").tag("event", "report-completed")
                .tag("destination", destination).tag("reason", reason).counter();
        return counter == null ? registry.counter("absent", "destination", destination, "reason", reason) : counter;
    }

    private static Exchange completedJob(CamelContext camel, String jobId) {
        Exchange e = new DefaultExchange(camel);
        e.setProperty("jobId", jobId);
        e.setProperty("guidelineSetId", "it-rules");
        e.setProperty("reportScore", 42.0);
        e.setProperty("reportPartial", false);
        return e;
    }
}
