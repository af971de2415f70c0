package hub.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class QuoteLocatorTest {

    private static void assertFound(Optional<int[]> span, int start, int end) {
        assertThat(span).isPresent();
        assertThat(span.get()).containsExactly(start, end);
    }

    @Test
    void exactMatch() {
        assertFound(QuoteLocator.find("We offer guaranteed returns today.", "guaranteed returns", 0), 9, 27);
    }

    @Test
    void exactMatchWinsOverAnEarlierLooseMatch() {
        String text = "Act now. ACT NOW";

        assertFound(QuoteLocator.find(text, "ACT NOW", 0), 9, 16);
    }

    @Test
    void searchesFromTheGivenIndex() {
        String text = "act now, act now, ACT  now";

        assertFound(QuoteLocator.find(text, "act now", 1), 9, 16);
        assertFound(QuoteLocator.find(text, "act now", 10), 18, 26);
        assertThat(QuoteLocator.find(text, "act now", 19)).isEmpty();
        assertThat(QuoteLocator.find(text, "act now", 100)).isEmpty();
    }

    @Test
    void ignoresSurroundingWhiteSpaceOfTheQuote() {
        assertFound(QuoteLocator.find("say act now!", "  act now\n", 0), 4, 11);
    }

    @Test
    void ignoresCase() {
        assertFound(QuoteLocator.find("Please ACT NOW.", "act now", 0), 7, 14);
    }

    @Test
    void anyWhiteSpaceRunMatchesOneSpace() {
        assertFound(QuoteLocator.find("Earn guaranteed\n  \u00A0returns now", "guaranteed returns", 0), 5, 26);
        assertFound(QuoteLocator.find("Earn guaranteed returns now", "guaranteed \t\n returns", 0), 5, 23);
    }

    @Test
    void typographicQuotesAndDashesMatchAscii() {
        String text = "You can’t lose – it’s “safe”… really";

        assertFound(QuoteLocator.find(text, "can't lose - it's \"safe\"...", 0), 4, 29);
        assertFound(QuoteLocator.find("You can't lose - really", "can’t lose — really", 0), 4, 23);
    }

    @Test
    void partOfAnEllipsisMapsToTheWholeCharacter() {
        assertFound(QuoteLocator.find("Wait… what", "wait.", 0), 0, 5);
    }

    @Test
    void offsetsCountUtf16CodeUnits() {
        assertFound(QuoteLocator.find("🚀🚀 Act Now", "act now", 0), 5, 12);
    }

    @Test
    void unicodeCaseFolding() {
        assertFound(QuoteLocator.find("Visit İSTANBUL and STRASSE", "istanbul", 0), 6, 14);
        assertFound(QuoteLocator.find("Die Straße ist ÉTROITE", "straße ist étroite", 0), 4, 22);
    }

    @Test
    void missingQuoteIsEmpty() {
        assertThat(QuoteLocator.find("Nothing here", "guaranteed", 0)).isEmpty();
        assertThat(QuoteLocator.find(null, "guaranteed", 0)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\n\t", "\u00A0"})
    void blankQuoteIsEmpty(String quote) {
        assertThat(QuoteLocator.find("some text", quote, 0)).isEmpty();
    }

    @Test
    void negativeFromIndexSearchesFromTheStart() {
        assertFound(QuoteLocator.find("act now", "ACT NOW", -5), 0, 7);
    }
}
