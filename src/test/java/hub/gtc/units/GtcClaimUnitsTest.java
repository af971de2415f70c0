package hub.gtc.units;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import hub.article.ArticleFormat;
import hub.article.PlainText;
import hub.gtc.GtcText;
import hub.gtc.PassageRanker;
import hub.gtc.PdfTextExtractor;
import hub.gtc.TestPdfs;
import hub.gtc.check.GtcCheckRequestFactory;
import hub.gtc.check.GtcPassage;
import hub.report.model.GtcFetched;
import hub.report.model.GtcLookup;
import java.util.List;
import org.junit.jupiter.api.Test;

class GtcClaimUnitsTest {

    private static final GtcText SAVINGS = new PdfTextExtractor(20_000_000, 500).extract("gtc-savings",
            TestPdfs.savingsAccountGtc());
    private static final List<GtcLookup> LOOKUPS = List.of(new GtcLookup("savings account", "primary", List.of(), null));
    private static final String ARTICLE = String.join("\n\n",
            "Why you will like it",
            "Our management fee is 0% a year.",
            "The app is simple and friendly.",
            "Interest of 3% is paid on every balance, however large.",
            "Open a savings account in minutes.");

    private final GtcClaimUnits planner = planner(3, true);

    @Test
    void theClaimUnitsAreTheUnitsWithANumberOrALookedUpTermEachWithItsOwnBestPassages() {
        List<GtcClaimUnit> units = plan(planner, ARTICLE, "2026.1", "tenant-a");

        assertThat(units).extracting(GtcClaimUnit::text).containsExactly("Our management fee is 0% a year.",
                "Interest of 3% is paid on every balance, however large.", "Open a savings account in minutes.");
        assertThat(units).allSatisfy(u -> {
            assertThat(u.passages()).isNotEmpty().hasSizeLessThanOrEqualTo(3);
            assertThat(ARTICLE.substring(u.unit().start(), u.unit().end())).isEqualTo(u.text());
        });
        assertThat(units.get(0).passages().get(0).section()).isEqualTo("4.2");
        assertThat(units.get(1).passages()).extracting(GtcPassage::section).contains("3.2");
        assertThat(units.get(0).passages()).allSatisfy(p -> assertThat(p.version()).isEqualTo("2026.1"));
    }

    @Test
    void thePerUnitLimitHoldsAndTheUnionGivesEachUnitsBestPassageFirst() {
        List<GtcClaimUnit> units = plan(planner(1, true), ARTICLE, "2026.1", "t");
        assertThat(units).allSatisfy(u -> assertThat(u.passages()).hasSize(1));

        List<GtcClaimUnit> three = plan(planner, ARTICLE, "2026.1", "t");
        List<GtcPassage> union = GtcClaimUnits.union(three);
        assertThat(union.subList(0, 2)).containsExactly(three.get(0).passages().get(0), three.get(1).passages().get(0));
        assertThat(union).doesNotHaveDuplicates()
                .containsAll(three.stream().flatMap(u -> u.passages().stream()).toList());
    }

    @Test
    void aUnitsKeyChangesWithItsTextItsPassagesVersionsTheTenantAndNothingElse() {
        GtcClaimUnit fee = plan(planner, ARTICLE, "2026.1", "tenant-a").get(0);
        assertThat(fee.passages()).hasSizeGreaterThan(1);
        String otherUnitEdited = ARTICLE.replace("3%", "4%").replace("simple", "plain");

        assertThat(fee.cacheKey()).startsWith("unit-verdict:tenant-a:gtc:");
        assertThat(plan(planner, "Intro\n\n" + otherUnitEdited, "2026.1", "tenant-a").get(0).cacheKey())
                .as("other units edited, this one moved").isEqualTo(fee.cacheKey());
        assertThat(plan(planner, ARTICLE.replace("0% a year", "0 %  a year"), "2026.1", "tenant-a").get(0).cacheKey())
                .isNotEqualTo(fee.cacheKey());
        assertThat(plan(planner, ARTICLE, "2026.2", "tenant-a").get(0).cacheKey())
                .as("a new GTC version").isNotEqualTo(fee.cacheKey());
        assertThat(plan(planner, ARTICLE, "2026.1", "tenant-b").get(0).cacheKey()).isNotEqualTo(fee.cacheKey());
        assertThat(plan(planner(1, true), ARTICLE, "2026.1", "tenant-a").get(0).cacheKey())
                .as("other passages").isNotEqualTo(fee.cacheKey());
    }

    @Test
    void withoutAClaimTheWholeArticleIsOneUnitWithoutPassagesAndTheCacheCanBeOff() {
        String text = "A friendly app.\n\nSaving made simple.";
        List<GtcClaimUnit> units = plan(planner(3, false), text, "2026.1", "t");

        assertThat(units).singleElement().satisfies(u -> {
            assertThat(u.text()).isEqualTo(text);
            assertThat(u.passages()).isEmpty();
            assertThat(u.cacheKey()).isNull();
        });
        assertThat(plan(planner(3, false), ARTICLE, "2026.1", "t")).extracting(GtcClaimUnit::cacheKey)
                .containsOnlyNulls();
    }

    private static List<GtcClaimUnit> plan(GtcClaimUnits planner, String text, String version, String tenant) {
        return planner.of(PlainText.of(text, ArticleFormat.PLAIN), LOOKUPS,
                List.of(new GtcFetched("gtc-savings", "GTC", version, "primary", false, 3, null, SAVINGS)), tenant);
    }

    private static GtcClaimUnits planner(int perUnit, boolean cache) {
        return new GtcClaimUnits(new PassageRanker(1200),
                new GtcCheckRequestFactory(new ObjectMapper(), "claude", 800, 0), 2, perUnit, cache);
    }
}
