package hub.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hub.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldChecksTest {

    @Test
    void tabLineBreaksEmojiCombiningMarksAndBidiTextPass() {
        assertThatCode(() -> FieldChecks.noControlCharacters("article.text",
                "a\tb\r\nc 📈 e\u0301 \u200Fשלום\u202Bمرحبا\u202C"))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "NUL,            0,      U+0000, control character",
        "bell,           7,      U+0007, control character",
        "escape,         27,     U+001B, control character",
        "DEL,            127,    U+007F, control character",
        "C1 NEL,         133,    U+0085, control character",
        "lone high,      55357,  U+D83D, unpaired surrogate",
        "lone low,       56421,  U+DC65, unpaired surrogate",
    })
    void refusesControlsAndUnpairedSurrogatesNamingFieldAndOffset(String name, int code, String hex, String kind) {
        String value = "ab" + (char) code + "c";
        assertThatThrownBy(() -> FieldChecks.noControlCharacters("article.title", value))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.type()).isEqualTo("invalid-character");
                    assertThat(p.detail())
                            .contains("article.title contains the " + kind + " " + hex + " at offset 2");
                    assertThat(p.extensions())
                            .containsEntry("field", "article.title").containsEntry("offset", 2);
                });
    }

    @Test
    void tooLongIs413NamingFieldAndLimit() {
        assertThatCode(() -> FieldChecks.maxLength("externalRef", "x".repeat(200), 200)).doesNotThrowAnyException();
        assertThatCode(() -> FieldChecks.maxLength("externalRef", null, 200)).doesNotThrowAnyException();
        assertThatThrownBy(() -> FieldChecks.maxLength("externalRef", "x".repeat(201), 200))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(413);
                    assertThat(p.type()).isEqualTo("field-too-large");
                    assertThat(p.extensions()).containsEntry("field", "externalRef")
                            .containsEntry("limit", 200).containsEntry("actual", 201);
                });
    }
}
