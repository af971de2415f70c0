package hub.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hub.article.Article;
import hub.article.ArticleFormat;
import hub.guideline.registry.GuidelineSetRegistry;
import hub.rules.RuleEngine;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SetsByLanguageTest {

    private static GuidelineSetRegistry registry;
    private static SetsByLanguage sets;
    private static ArticleLanguageDetector detector;

    @BeforeAll
    static void create() throws Exception {
        registry = new GuidelineSetRegistry(new RuleEngine(), "");
        detector = new ArticleLanguageDetector(List.of("en", "de", "fr"), 3000, 0.8, 5, true, true);
        sets = new SetsByLanguage(Map.of("en", "default", "de", "default-de", "fr-CA", "default-de"), "default",
                registry, detector);
    }

    @Test
    void aDeclaredLanguageChoosesByTagThenPrimarySubtag() {
        assertThat(sets.setFor("de")).isEqualTo("default-de");
        assertThat(sets.setFor("de-CH")).isEqualTo("default-de");
        assertThat(sets.setFor("DE_at")).isEqualTo("default-de");
        assertThat(sets.setFor("fr-CA")).isEqualTo("default-de");
        assertThat(sets.setFor("fr")).isEqualTo("default");
        assertThat(sets.setFor("en-GB")).isEqualTo("default");
        assertThat(sets.setFor((String) null)).isEqualTo("default");
    }

    @Test
    void anArticleWithoutLanguageIsDetectedOnItsPlainText() {
        Article german = new Article("Sparen", "## Sparplan\n\nMit dem **Sparplan** legen Sie jeden Monat einen "
                + "festen Betrag an. Der Wert der Anlage kann schwanken.", ArticleFormat.MARKDOWN, null);
        Article english = new Article("Saving", "<p>With the savings plan you invest a fixed amount each month. "
                + "The value of your investment can go down as well as up.</p>", ArticleFormat.HTML, null);
        Article declared = new Article("Saving", english.text(), ArticleFormat.HTML, "de");

        assertThat(sets.setFor(german)).isEqualTo("default-de");
        assertThat(sets.setFor(english)).isEqualTo("default");
        assertThat(sets.setFor(declared)).as("a declared language wins").isEqualTo("default-de");
    }

    @Test
    void withoutAMapEveryArticleGetsTheFallbackAndNothingIsDetected() {
        SetsByLanguage always = SetsByLanguage.always("default-de", registry);
        assertThat(always.setFor(new Article(null, "Hello there, this is English.", null, null))).isEqualTo("default-de");
    }

    @Test
    void everyNamedSetMustExist() {
        assertThatThrownBy(() -> new SetsByLanguage(Map.of("de", "nope"), "default", registry, detector))
                .hasMessageContaining("hub.guidelines.by-language.de").hasMessageContaining("'nope'");
        assertThatThrownBy(() -> SetsByLanguage.always("nope", registry))
                .hasMessageContaining("hub.guidelines.fallback-set").hasMessageContaining("'nope'");
    }
}
