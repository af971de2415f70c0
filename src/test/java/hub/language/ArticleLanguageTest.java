package hub.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import hub.report.model.ArticleLanguage;
import hub.report.model.DetectedLanguage;
import hub.report.model.LanguageTags;
import org.junit.jupiter.api.Test;

class ArticleLanguageTest {

    private static final DetectedLanguage GERMAN = new DetectedLanguage("de", 0.99, true);
    private static final DetectedLanguage ENGLISH = new DetectedLanguage("en", 0.97, true);
    private static final DetectedLanguage UNSURE_GERMAN = new DetectedLanguage("de", 0.55, false);

    @Test
    void agreementIsNoMismatchAndNoWarning() {
        ArticleLanguage l = ArticleLanguage.of("de-CH", GERMAN, "de");

        assertThat(l.mismatch()).isFalse();
        assertThat(l.warnings()).isEmpty();
        assertThat(l.effective()).isEqualTo("de-CH");
        assertThat(ArticleLanguage.of(null, GERMAN, "de").mismatch()).isFalse();
    }

    @Test
    void anUndeclaredArticleInAnotherLanguageThanTheSetIsAMismatch() {
        ArticleLanguage l = ArticleLanguage.of(null, ENGLISH, "de");

        assertThat(l).extracting(ArticleLanguage::declared, ArticleLanguage::detected, ArticleLanguage::confidence,
                ArticleLanguage::set, ArticleLanguage::mismatch).containsExactly(null, "en", 0.97, "de", true);
        assertThat(l.warnings()).singleElement().asString()
                .contains("English (en) (detected)").contains("written for German (de)");
    }

    @Test
    void aDeclaredLanguageOtherThanTheSetsIsAMismatchWhateverTheDetectorSays() {
        ArticleLanguage l = ArticleLanguage.of("en", null, "de");

        assertThat(l.mismatch()).isTrue();
        assertThat(l.warnings()).singleElement().asString().contains("English (en) (declared)");
    }

    @Test
    void aConfidentDetectionContradictingTheDeclaredLanguageIsAWarning() {
        // Declared English, checked with the English set, but the text is German.
        ArticleLanguage l = ArticleLanguage.of("en", GERMAN, "en");

        assertThat(l.mismatch()).isTrue();
        assertThat(l.warnings()).hasSize(2);
        assertThat(l.warnings().get(0)).contains("declares English (en) but reads as German (de)")
                .contains("0.99").contains("article.language");
        assertThat(l.warnings().get(1)).contains("written for English (en), not for German (de)");
    }

    @Test
    void anUnsureDetectionNeitherStandsInNorContradicts() {
        assertThat(ArticleLanguage.of("en", UNSURE_GERMAN, "en").mismatch()).isFalse();
        ArticleLanguage undeclared = ArticleLanguage.of(null, UNSURE_GERMAN, "en");
        assertThat(undeclared.mismatch()).isFalse();
        assertThat(undeclared.effective()).isNull();
        assertThat(undeclared.detected()).isEqualTo("de");
    }

    @Test
    void aSetWithoutLanguageMismatchesNothing() {
        assertThat(ArticleLanguage.of(null, GERMAN, null).mismatch()).isFalse();
        assertThat(ArticleLanguage.of("fr", null, "").warnings()).isEmpty();
    }

    @Test
    void theReportSectionHasItsFiveFieldsAndNullsStayVisible() throws Exception {
        String json = new ObjectMapper().writeValueAsString(ArticleLanguage.of(null, null, "en"));

        assertThat(json).isEqualTo(
                "{\"declared\":null,\"detected\":null,\"confidence\":null,\"set\":\"en\",\"mismatch\":false}");
    }

    @Test
    void tagsCompareByPrimarySubtag() {
        assertThat(LanguageTags.same("de-CH", "DE")).isTrue();
        assertThat(LanguageTags.same("de_AT", "de")).isTrue();
        assertThat(LanguageTags.same("en", "de")).isFalse();
        assertThat(LanguageTags.same(null, "de")).isFalse();
        assertThat(LanguageTags.describe("de")).isEqualTo("German (de)");
    }
}
