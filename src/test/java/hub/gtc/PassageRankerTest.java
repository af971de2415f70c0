package hub.gtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PassageRankerTest {

    private static final GtcText SAVINGS =
            new PdfTextExtractor(20 * 1024 * 1024, 500).extract("gtc-savings", TestPdfs.savingsAccountGtc());

    private final PassageRanker ranker = new PassageRanker(1200);

    @Test
    void theManagementFeeClauseRanksFirstForAZeroFeeClaim() {
        List<Passage> passages = ranker.top(SAVINGS, "The management fee is 0%", 3);

        assertThat(passages).isNotEmpty().hasSizeLessThanOrEqualTo(3);
        Passage best = passages.get(0);
        assertThat(best.gtcId()).isEqualTo("gtc-savings");
        assertThat(best.page()).isEqualTo(3);
        assertThat(best.section()).isEqualTo("4.2");
        assertThat(best.heading()).isEqualTo("Management fee");
        assertThat(best.text()).contains("The annual management fee is 1.5% of the account value.");
        assertThat(passages).extracting(Passage::score).isSortedAccordingTo((a, b) -> Double.compare(b, a))
                .allSatisfy(score -> assertThat(score).isPositive());
        assertThat(passages.subList(1, passages.size())).allSatisfy(
                other -> assertThat(other.score()).isLessThan(best.score() / 1.5));
    }

    @Test
    void otherClaimsFindTheirOwnSections() {
        assertThat(ranker.top(SAVINGS, "Interest is credited quarterly", 1))
                .extracting(Passage::section, Passage::page).containsExactly(tuple("3.1", 2));
        assertThat(ranker.top(SAVINGS, "The bank is not liable for negligence", 1))
                .extracting(Passage::section).containsExactly("§ 5");
        assertThat(ranker.top(SAVINGS, "Express transfers are free", 1))
                .extracting(Passage::section).containsExactly("4.3");
    }

    @Test
    void anUnrelatedClaimFindsNothing() {
        assertThat(ranker.top(SAVINGS, "Our office dog enjoys sunny weather in Paris", 5)).isEmpty();
        assertThat(ranker.top(SAVINGS, "the of and is", 5)).isEmpty();
        assertThat(ranker.top(SAVINGS, "", 5)).isEmpty();
    }

    @Test
    void aWeaklyRelatedClaimScoresFarBelowAStrongMatch() {
        double strong = ranker.top(SAVINGS, "The annual management fee is 1.5% of the account value", 1).get(0).score();
        List<Passage> weak = ranker.top(SAVINGS, "Customers love our friendly online support team", 5);

        assertThat(weak).allSatisfy(passage -> assertThat(passage.score()).isLessThan(strong / 4));
    }

    @Test
    void numbersAreMatchedAfterNormalisation() {
        assertThat(ranker.top(SAVINGS, "1,5 %", 1)).extracting(Passage::section).containsExactly("4.2");
        assertThat(ranker.top(SAVINGS, "1.50 per cent", 1)).extracting(Passage::section).containsExactly("4.2");
        assertThat(ranker.top(SAVINGS, "2,25\u00a0%", 1)).extracting(Passage::section).containsExactly("3.1");
    }

    @Test
    void termsAreLowercaseWordsAndNormalisedNumbers() {
        assertThat(PassageRanker.terms("The Fees of 1,5 % and 1.5% and 0% and 1.50 per cent and 2.0%"))
                .containsExactly("fee", "1.5%", "1.5%", "0%", "1.5%", "2%");
        assertThat(PassageRanker.terms("1,5\u00a0% 1,5\u202f% 100,000 EUR 4.2 Management policies"))
                .containsExactly("1.5%", "1.5%", "100.000", "eur", "4.2", "management", "policy");
        assertThat(PassageRanker.terms("Charges, boxes, matches, processes, status, basis, gas, account's"))
                .containsExactly("charge", "box", "match", "process", "status", "basis", "gas", "account");
        assertThat(PassageRanker.terms("Kündigungsfrist für Gebühren: 30 Tage"))
                .containsExactly("kündigungsfrist", "für", "gebühren", "30", "tage");
        assertThat(PassageRanker.terms("percentage 5 percentage points")).containsExactly("percentage", "5",
                "percentage", "point");
    }

    /**
     * Hand-computed BM25 (k1 = 1.2, b = 0.75) on three one-window documents.
     *
     * <pre>
     * D1 "Fees fees account" -> [fee, fee, account]  |D1| = 3
     * D2 "Account value"     -> [account, value]     |D2| = 2
     * D3 "Interest rate"     -> [interest, rate]     |D3| = 2      N = 3, avgdl = 7/3
     * query "fees on the account" -> {fee, account}; df(fee) = 1, df(account) = 2
     * idf(fee)     = ln(1 + (3 - 1 + 0.5) / (1 + 0.5)) = ln(8/3) = 0.980829253
     * idf(account) = ln(1 + (3 - 2 + 0.5) / (2 + 0.5)) = ln(1.6) = 0.470003629
     * D1: norm = 1 - 0.75 + 0.75 * 3 / (7/3) = 17/14
     *     fee:     2 * 2.2 / (2 + 1.2 * 17/14) = 14/11
     *     account: 1 * 2.2 / (1 + 1.2 * 17/14) = 77/86
     *     score = 0.980829253 * 14/11 + 0.470003629 * 77/86 = 1.669145343
     * D2: norm = 0.25 + 0.75 * 2 / (7/3) = 25/28
     *     account: 2.2 / (1 + 1.2 * 25/28) = 77/58
     *     score = 0.470003629 * 77/58 = 0.499176268
     * D3: no query term, not returned
     * </pre>
     */
    @Test
    void bm25ScoresMatchAHandComputation() {
        GtcText corpus = new GtcText("tiny", 1, List.of(
                new Section(1, "1", null, "Fees fees account"),
                new Section(1, "2", null, "Account value"),
                new Section(1, "3", null, "Interest rate")));

        List<Passage> passages = ranker.top(corpus, "fees on the account", 5);

        assertThat(passages).extracting(Passage::section).containsExactly("1", "2");
        assertThat(passages.get(0).score()).isCloseTo(1.669145343, within(1e-6));
        assertThat(passages.get(1).score()).isCloseTo(0.499176268, within(1e-6));
        assertThat(ranker.top(corpus, "fee", 5).get(0).score()).isCloseTo(0.980829253 * 14 / 11, within(1e-6));
    }

    @Test
    void headingTermsCountForEveryWindowOfTheirSection() {
        GtcText corpus = new GtcText("tiny", 1, List.of(
                new Section(1, "1", "Management fee", "Charged yearly."),
                new Section(1, "2", null, "Charged monthly.")));

        assertThat(ranker.top(corpus, "management", 5)).extracting(Passage::section, Passage::text)
                .containsExactly(tuple("1", "Charged yearly."));
    }

    @Test
    void longSectionsAreSplitIntoSmallOverlappingWindows() {
        String filler = words("alpha", 200);
        String target = "The termination fee is 30 EUR.";
        GtcText corpus = new GtcText("long", 2, List.of(
                new Section(1, 2, "9", "Miscellaneous", filler + " " + target + " " + words("omega", 200)),
                new Section(2, "10", "Other", "Nothing about fees here at all, only words.")));

        List<Passage> passages = ranker.top(corpus, "termination fee", 3);

        Passage best = passages.get(0);
        assertThat(best.section()).isEqualTo("9");
        assertThat(best.page()).isEqualTo(1);
        assertThat(best.text()).contains(target);
        assertThat(best.text().split(" ")).hasSizeLessThanOrEqualTo(PassageRanker.WINDOW_WORDS);
        // the target lies in two overlapping windows of section 9; only the better one is returned
        assertThat(passages).filteredOn(p -> p.text().contains("termination")).hasSize(1);
    }

    @Test
    void passagesAreTrimmedToMaxChars() {
        PassageRanker shortPassages = new PassageRanker(60);
        List<Passage> passages = shortPassages.top(SAVINGS, "management fee", 3);

        assertThat(passages).isNotEmpty().allSatisfy(p -> assertThat(p.text()).hasSizeLessThanOrEqualTo(60));
        assertThat(passages.get(0).text()).isEqualTo("The annual management fee is 1.5% of the account value. It…");
    }

    @Test
    void returnsAtMostK() {
        assertThat(ranker.top(SAVINGS, "account fee charge interest bank transfer", 2)).hasSize(2);
        assertThat(ranker.top(SAVINGS, "account fee charge interest bank transfer", 50))
                .hasSizeGreaterThan(2).hasSizeLessThanOrEqualTo(SAVINGS.sections().size());
    }

    @Test
    void rejectsInvalidArguments() {
        assertThatThrownBy(() -> ranker.top(SAVINGS, "fee", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PassageRanker(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String words(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i).collect(Collectors.joining(" "));
    }
}
