package hub.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class BatchEventsTest {

    @Test
    void signsTheExactBodyWithHmacSha256() {
        BatchEvents events = new BatchEvents("key", 1000, 60_000, 5, new SimpleMeterRegistry());
        // RFC 4231-style check against a known value: HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog")
        assertThat(events.signature("The quick brown fox jumps over the lazy dog"))
                .isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void refusesToSignWithoutASecret() {
        BatchEvents events = new BatchEvents("", 1000, 60_000, 5, new SimpleMeterRegistry());
        assertThatThrownBy(() -> events.signature("{}")).hasMessageContaining("BATCH_CALLBACK_SECRET");
    }

    @Test
    void backsOffExponentiallyUpToTheMaximumThenGivesUp() {
        BatchEvents events = new BatchEvents("k", 1000, 5000, 6, new SimpleMeterRegistry());
        assertThat(events.retryDelayMs(1)).isEqualTo(1000);
        assertThat(events.retryDelayMs(2)).isEqualTo(2000);
        assertThat(events.retryDelayMs(3)).isEqualTo(4000);
        assertThat(events.retryDelayMs(4)).isEqualTo(5000);
        assertThat(events.retryDelayMs(5)).isEqualTo(5000);
        assertThat(events.retryDelayMs(6)).isEqualTo(-1);
    }

    @Test
    void tellsCallbacksFromQueueNames() {
        assertThat(BatchEvents.isCallback("https://crm.example.com/hook")).isTrue();
        assertThat(BatchEvents.isCallback("crm-batch-events")).isFalse();
    }
}
