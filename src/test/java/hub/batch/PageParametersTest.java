package hub.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hub.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 19, defect 6: a page parameter is plain decimal digits or absent; nothing else is read as a number. */
class PageParametersTest {

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "+5", " 10", "10 ", "-1", "1e2", "0x10", "٣", "9999999999"})
    void anythingButPlainDigitsIsA400(String value) {
        assertThatThrownBy(() -> BatchViews.number(value, 20, "size"))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.type()).isEqualTo("invalid-parameter");
                    assertThat(p.extensions()).containsEntry("parameter", "size");
                });
    }

    @Test
    void digitsAreReadAndAnAbsentParameterIsItsDefault() {
        assertThat(BatchViews.number("5", 20, "size")).isEqualTo(5);
        assertThat(BatchViews.number("007", 20, "size")).isEqualTo(7);
        assertThat(BatchViews.number(null, 20, "size")).isEqualTo(20);
    }
}
