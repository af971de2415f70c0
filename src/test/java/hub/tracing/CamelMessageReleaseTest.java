package hub.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.observation.transport.RequestReplyReceiverContext;
import io.micrometer.observation.transport.SenderContext;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class CamelMessageReleaseTest {

    private final ObservationRegistry registry = ObservationRegistry.create();
    private final Exchange exchange = new DefaultExchange(new DefaultCamelContext());

    CamelMessageReleaseTest() {
        registry.observationConfig().observationHandler(new CamelMessageRelease());
    }

    @Test
    void aCamelSpanKeepsItsMessagesWhileItRunsAndLetsThemGoWhenItEnds() {
        RequestReplyReceiverContext<Message, Message> received = new RequestReplyReceiverContext<>((c, key) -> null);
        received.setCarrier(exchange.getIn());
        received.setResponse(exchange.getMessage());
        SenderContext<Message> sent = new SenderContext<>((c, key, value) -> { });
        sent.setCarrier(exchange.getIn());

        Observation receiving = Observation.start("camel", () -> received, registry);
        Observation sending = Observation.start("camel", () -> sent, registry);
        assertThat(received.getCarrier()).isSameAs(exchange.getIn());
        assertThat(sent.getCarrier()).isSameAs(exchange.getIn());

        sending.stop();
        receiving.stop();

        assertThat(received.getCarrier()).isNull();
        assertThat(received.getResponse()).isNull();
        assertThat(sent.getCarrier()).isNull();
    }

    @Test
    void carriersThatAreNotCamelMessagesAreLeftAlone() {
        Map<String, String> headers = new HashMap<>(Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
        ReceiverContext<Map<String, String>> received = new ReceiverContext<>((c, key) -> c.get(key));
        received.setCarrier(headers);

        Observation.start("http.server.requests", () -> received, registry).stop();

        assertThat(received.getCarrier()).isSameAs(headers);
    }
}
