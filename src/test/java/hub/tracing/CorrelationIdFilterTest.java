package hub.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.Tracer;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CorrelationIdFilterTest {

    private final CorrelationIdFilter filter = new CorrelationIdFilter(Tracer.NOOP, 20);

    @Test
    void keepsASafeIdAndReplacesTheRest() {
        assertThat(filter.accept("order-42:abc.DEF_1")).isEqualTo("order-42:abc.DEF_1");
        assertThat(filter.accept("a".repeat(20))).isEqualTo("a".repeat(20));
        for (String bad : new String[] {null, "", "a".repeat(21), "two words", "x\"><script>", "é", "a\nb"}) {
            String replaced = filter.accept(bad);
            assertThat(UUID.fromString(replaced).toString()).as(String.valueOf(bad)).isEqualTo(replaced);
        }
        assertThat(filter.accept(null)).isNotEqualTo(filter.accept(null));
    }
}
