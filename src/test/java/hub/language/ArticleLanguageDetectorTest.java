package hub.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hub.report.model.DetectedLanguage;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArticleLanguageDetectorTest {

    private static ArticleLanguageDetector detector;

    @BeforeAll
    static void build() {
        detector = new ArticleLanguageDetector(List.of("en", "de", "fr", "es", "it", "nl"), 3000, 0.8, 5, true, true);
    }

    @Test
    void detectsTheCandidateLanguagesOfFinancialText() {
        assertThat(detector.detect("Der Wert der Anlage kann schwanken. Sie können weniger zurückerhalten, als Sie "
                + "eingezahlt haben. Die Kosten finden Sie im Preis- und Leistungsverzeichnis.")).hasValueSatisfying(d -> {
                    assertThat(d.language()).isEqualTo("de");
                    assertThat(d.confidence()).isGreaterThan(0.8);
                    assertThat(d.confident()).isTrue();
                });
        assertThat(detector.detect("The value of your investment can go down as well as up, and you may get back "
                + "less than you invest.")).hasValueSatisfying(d -> assertThat(d.language()).isEqualTo("en"));
        assertThat(detector.detect("La valeur de votre placement peut baisser comme monter, et vous pourriez "
                + "récupérer moins que ce que vous avez investi.")).hasValueSatisfying(d -> assertThat(d.language())
                        .isEqualTo("fr"));
        assertThat(detector.detect("De waarde van uw belegging kan dalen en stijgen; u kunt minder terugkrijgen dan "
                + "u hebt ingelegd.")).hasValueSatisfying(d -> assertThat(d.language()).isEqualTo("nl"));
    }

    @Test
    void readsOnlyTheFirstMaxCharsCharacters() {
        ArticleLanguageDetector capped = new ArticleLanguageDetector(List.of("en", "de"), 200, 0.8, 5, true, false);
        String english = "The value of your investment can go down as well as up. ".repeat(4);
        String german = "Der Wert der Anlage kann schwanken, und Sie können Verluste erleiden. ".repeat(20);

        assertThat(capped.detect(english + german)).as("German starts after the first 200 characters")
                .hasValueSatisfying(d -> assertThat(d.language()).isEqualTo("en"));
        assertThat(detector.detect(english + german)).hasValueSatisfying(d -> assertThat(d.language()).isEqualTo("de"));
    }

    @Test
    void aTextWithoutLettersHasNoLanguage() {
        assertThat(detector.detect("")).isEmpty();
        assertThat(detector.detect(null)).isEmpty();
        assertThat(detector.detect("12,5 % — 100.000 € 🚀")).isEmpty();
    }

    @Test
    void aDetectionOfTooFewWordsIsReportedButNotConfident() {
        // Lingua is sure of single words too: "Hotel" reads as some language with confidence 1.0.
        assertThat(detector.detect("Bank Hotel")).hasValueSatisfying(d -> {
            assertThat(d.confidence()).isEqualTo(1.0);
            assertThat(d.confident()).isFalse();
        });
        assertThat(detector.detect("Nur noch heute: garantierte Rendite ohne Risiko!"))
                .hasValueSatisfying(d -> assertThat(d).extracting(DetectedLanguage::language, DetectedLanguage::confident)
                        .containsExactly("de", true));
    }

    @Test
    void candidatesMustBeKnownCodesAndAtLeastTwo() {
        assertThat(detector.codes()).containsExactly("en", "de", "fr", "es", "it", "nl");
        assertThatThrownBy(() -> new ArticleLanguageDetector(List.of("en", "xx"), 3000, 0.8, 5, true, false))
                .hasMessageContaining("'xx'");
        assertThatThrownBy(() -> new ArticleLanguageDetector(List.of("de-CH"), 3000, 0.8, 5, true, false))
                .hasMessageContaining("at least two");
        assertThatThrownBy(() -> new ArticleLanguageDetector(List.of("en", "de"), 3000, 1.5, 5, true, false))
                .hasMessageContaining("min-confidence");
    }
}
