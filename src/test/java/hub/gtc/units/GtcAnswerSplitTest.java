package hub.gtc.units;

import static org.assertj.core.api.Assertions.assertThat;

import hub.article.ArticleUnits;
import hub.gtc.check.GtcCheckAnswer.Claim;
import hub.gtc.check.GtcPassage;
import java.util.List;
import org.junit.jupiter.api.Test;

class GtcAnswerSplitTest {

    private static final GtcPassage FEE = new GtcPassage("gtc-1", "2026.1", 3, "4.2", "Management fee", "1.5% a year.");
    private static final GtcPassage RATE = new GtcPassage("gtc-1", "2026.1", 2, "3.1", "Interest rate", "2.25 %.");

    private final GtcClaimUnit fee = unit(0, "Our management fee is 0% a year. It is the lowest.", FEE);
    private final GtcClaimUnit rate = unit(1, "Interest of 3% is paid every month.", RATE);

    @Test
    void eachClaimGoesToTheUnitWhoseTextHoldsItsQuoteEvenWithTypographicDifferences() {
        Claim a = claim("interest of 3%  is paid every month.", null);
        Claim b = claim("Our management fee is 0% a year.", FEE);

        assertThat(GtcAnswerSplit.byUnit(List.of(fee, rate), List.of(a, b)))
                .hasValue(List.of(List.of(b), List.of(a)));
        assertThat(GtcAnswerSplit.byUnit(List.of(fee, rate), List.of())).hasValue(List.of(List.of(), List.of()));
    }

    @Test
    void aQuoteInNoUnitOrInSeveralLeavesTheAnswerUnshared() {
        GtcClaimUnit again = unit(2, "Interest of 3% is paid every month, we said.", RATE);

        assertThat(GtcAnswerSplit.byUnit(List.of(fee, rate), List.of(claim("A fee of 2% applies.", null)))).isEmpty();
        assertThat(GtcAnswerSplit.byUnit(List.of(fee, rate, again),
                List.of(claim("Interest of 3% is paid every month", RATE)))).isEmpty();
        assertThat(GtcAnswerSplit.byUnit(List.of(fee, rate),
                List.of(claim("0% a year. It is the lowest. Interest of 3%", null)))).as("across two units").isEmpty();
    }

    @Test
    void theSharesOfTheCallAddUpToItsCallsAndTokens() {
        List<GtcUnitAnswer> shares = GtcAnswerSplit.shareOut(List.of(List.of(), List.of(), List.of()), "job-1",
                "claude", 1, 1000, 17);

        assertThat(shares).extracting(GtcUnitAnswer::calls).containsExactly(1, 0, 0);
        assertThat(shares).extracting(GtcUnitAnswer::promptTokens).containsExactly(334, 333, 333);
        assertThat(shares).extracting(GtcUnitAnswer::completionTokens).containsExactly(6, 6, 5);
        assertThat(shares).allSatisfy(s -> {
            assertThat(s.jobId()).isEqualTo("job-1");
            assertThat(s.model()).isEqualTo("claude");
        });
    }

    @Test
    void anAnswerRestingOnAnotherUnitsPassageIsNotCoveredByTheUnitsKey() {
        assertThat(GtcAnswerSplit.coveredByKey(fee, answer(claim("Our management fee is 0% a year.", FEE),
                claim("It is the lowest.", null)))).isTrue();
        assertThat(GtcAnswerSplit.coveredByKey(fee, answer(claim("Our management fee is 0% a year.", RATE))))
                .isFalse();
    }

    private static GtcUnitAnswer answer(Claim... claims) {
        return new GtcUnitAnswer("job", List.of(claims), "claude", 1, 10, 2);
    }

    private static Claim claim(String quote, GtcPassage passage) {
        return new Claim(quote, passage, passage == null ? "NOT_COVERED" : "CONTRADICTS", "Because.");
    }

    private static GtcClaimUnit unit(int index, String text, GtcPassage passage) {
        return new GtcClaimUnit(new ArticleUnits.Unit(index, 0, text.length(), ArticleUnits.hash(text)), text,
                List.of(passage), "key-" + index);
    }
}
