package hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RequestScreeningConfigTest {

    /** Spring Security's own rule, which the loop replaces. */
    private static final Pattern SPRING_RULE = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    @Test
    void agreesWithSpringSecuritysRegularExpressionOnEveryCodePointOfTheBasicPlaneAndBeyond() {
        IntStream.concat(IntStream.range(0, 0x10000), IntStream.of(0x1F680, 0x1F600, 0xE0001, 0x10FFFF, 0x2FFFF))
                .forEach(cp -> {
                    String value = "a" + new String(Character.toChars(cp)) + "b";
                    assertThat(RequestScreeningConfig.assignedAndNotControl(value)).as("U+%04X", cp)
                            .isEqualTo(SPRING_RULE.matcher(value).matches());
                });
    }

    @Test
    void acceptsOrdinaryHeaderValuesAndRefusesControlCharacters() {
        assertThat(RequestScreeningConfig.assignedAndNotControl("Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig")).isTrue();
        assertThat(RequestScreeningConfig.assignedAndNotControl("")).isTrue();
        assertThat(RequestScreeningConfig.assignedAndNotControl("a\u0000b")).isFalse();
        assertThat(RequestScreeningConfig.assignedAndNotControl("a\nb")).isFalse();
        assertThat(RequestScreeningConfig.assignedAndNotControl("a\u0085b")).isFalse();
    }
}
