package hub.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import hub.article.ArticleFormat;
import hub.article.PlainText;
import hub.guideline.Guideline;
import hub.guideline.GuidelineSet;
import hub.report.model.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped English set's exceptions on the cases a compliance officer raised (issue 18): denials, idioms, named
 * persons and warnings to the reader are no violations; the plain violations next to them still are.
 */
class RuleExceptionsTest {

    private static GuidelineSet set;
    private final RuleEngine engine = new RuleEngine();

    @BeforeAll
    static void load() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).findAndRegisterModules();
        try (InputStream in = RuleExceptionsTest.class.getResourceAsStream("/guidelines/default.yaml")) {
            set = yaml.readValue(in, GuidelineSet.class);
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            no-guaranteed-returns       | there are no guaranteed returns with any investment fund.
            no-guaranteed-returns       | There is no such thing as a risk-free investment.
            no-guaranteed-returns       | We never promise guaranteed returns.
            no-guaranteed-returns       | Be wary of anyone who promises you guaranteed returns of 10% a year.
            no-guaranteed-returns       | Guaranteed returns do not exist in the stock market.
            no-guaranteed-returns       | Your deposits are protected up to £85,000 by the Financial Services Compensation Scheme, so the first £85,000 is risk-free.
            no-guaranteed-returns       | Economists compare fund returns with the risk-free rate.
            no-unqualified-superlatives | The best time to review your plan is before you retire.
            no-unqualified-superlatives | Do your best to compare the costs of several providers.
            no-unqualified-superlatives | Voted Best Savings App 2024 by Money Weekly readers.
            no-unqualified-superlatives | We do not claim to be the cheapest provider.
            no-unqualified-superlatives | Best Life Insurance Ltd was founded in 1921.
            no-unqualified-superlatives | Our fund manager, Anna Best, explains the strategy in this interview.
            no-unqualified-superlatives | Anna Best has managed the Harbour Global Equity Fund since 2019.
            no-unqualified-superlatives | Anna Best runs the fund. Best says she reads every annual report herself.
            no-unqualified-superlatives | Best Mutual Insurance paid most claims. Best Mutual's claims team grew.
            inclusive-language          | Kingsman Insurance has served farmers since 1950.
            no-unqualified-superlatives | Rising claims are leading to higher premiums across the market.
            inclusive-language          | Our chairman, Sir Peter Hale, opened the meeting.
            inclusive-language          | Peter Hale, our chairman, opened the meeting.
            no-pressure-selling         | There is no need to act now: take your time and talk to an adviser.
            no-pressure-selling         | Be wary of salespeople who tell you to act now.
            no-unqualified-superlatives | Slogans like "the UK's best ISA" mean nothing without a dated source.
            no-guaranteed-returns       | Phrases such as "guaranteed returns" belong in no advert.
            no-pressure-selling         | The bonus rate was available for a limited time in 2023 and has closed.
            no-unqualified-superlatives | A tracker fund offers the best of both worlds: low costs and a wide spread.
            no-unqualified-superlatives | In the best-case scenario the fund returns 6% a year.
            no-unqualified-superlatives | The app is at its best when you link all your accounts.
            insurance-exclusions        | Keep paying in each month, whatever happens on the stock market.
            insurance-exclusions        | The plan suits people who want to keep saving whatever happens to interest rates.
            no-guaranteed-returns       | If it sounds risk-free, it almost certainly isn't.
            no-unqualified-superlatives | Choosing the cheapest policy is not always the best idea.
            no-unqualified-superlatives | Shop around: the lowest premium may not give you the cover you need.
            no-unqualified-superlatives | The best investors review their costs every year.
            no-pressure-selling         | Genuine schemes will never push you to transfer in a hurry.
            no-pressure-selling         | If you are in a hurry, the app is the quickest way to pay in.
            no-guaranteed-returns       | The income is guaranteed by the insurer you buy it from. If that insurer failed, the Financial Services Compensation Scheme would protect 100% of your annuity income, with no upper limit.
            jargon-explained            | The yearly cost of a fund is shown as its TER, short for total expense ratio.
            jargon-explained            | Our fact sheet gives the OCF, an abbreviation for ongoing charges figure.
            """)
    void excusedHitsAreNoFindings(String guideline, String text) {
        assertThat(findings(guideline, text)).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            no-guaranteed-returns       | Enjoy guaranteed returns of 4% every year.                         | guaranteed returns of 4%
            no-guaranteed-returns       | This fund is risk-free.                                             | risk-free
            no-guaranteed-returns       | With us you simply can't lose.                                      | can't lose
            no-guaranteed-returns       | Returns are guaranteed for every saver.                             | Returns are guaranteed
            no-unqualified-superlatives | The best savings plan for families.                                 | best
            no-unqualified-superlatives | Our cheapest policy is the one for you.                              | cheapest
            no-unqualified-superlatives | Best rates in town, says our adviser Anna Best.                     | Best
            no-unqualified-superlatives | Harbour is Britain's leading provider of pet cover.                 | Britain's leading
            no-unqualified-superlatives | We are the market leader in pensions.                               | market leader
            inclusive-language          | Ask a salesman about the chairman of any bank.                      | salesman
            no-pressure-selling         | Act now and lock in your rate.                                      | Act now
            no-pressure-selling         | Only 3 places are left for this offer.                              | Only 3 places are left
            no-pressure-selling         | Rates like these won't last, so sign up.                            | won't last
            no-pressure-selling         | The offer ends tonight.                                             | offer ends tonight
            no-pressure-selling         | Hurry, the offer ends on Friday.                                    | Hurry
            inclusive-language          | Ask our spokesman for the figures.                                  | spokesman
            inclusive-language          | We explain it in layman's terms.                                    | layman's
            """)
    void plainViolationsStillHit(String guideline, String text, String quote) {
        assertThat(findings(guideline, text)).first().satisfies(f -> {
            assertThat(f.quote()).isEqualTo(quote);
            assertThat(f.certain()).isTrue();
        });
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            no-guaranteed-returns       | One reader wrote: "They promised me guaranteed returns."
            no-unqualified-superlatives | “The best service I have ever had,” says one customer.
            no-pressure-selling         | You could miss out on tax relief.
            no-unqualified-superlatives | Our Best Rates Ever Are Back.
            no-unqualified-superlatives | Harbour is a leading provider of workplace pensions.
            no-guaranteed-returns       | With Harbour, your savings are in safe hands.
            no-guaranteed-returns       | Sit back and watch your money grow.
            no-guaranteed-returns       | Give it ten years and your pot can only go one way.
            risk-warning-required       | Spread this widely, there is practically no risk.
            risk-warning-required       | In theory you could lose money, but that has never happened.
            insurance-exclusions        | Your family is looked after, whatever happens.
            jargon-explained            | You can move your pot into drawdown later. We send a yearly statement. Drawdown means leaving the pot invested.
            no-pressure-selling         | Act now and sort out your paperwork: an up-to-date folder helps your family.
            no-guaranteed-returns       | Your income is guaranteed by the insurer for life.
            """)
    void ambiguousHitsNeedReview(String guideline, String text) {
        assertThat(findings(guideline, text)).isNotEmpty().allSatisfy(f -> assertThat(f.needsReview()).isTrue());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            no-pressure-selling   | Hurry: this offer is for a limited time only.  | for a limited time only
            no-guaranteed-returns | We offer guaranteed returns of 4% a year.      | guaranteed returns of 4%
            """)
    void overlappingHitsOfOneGuidelineMergeIntoOne(String guideline, String text, String quote) {
        List<Finding> findings = findings(guideline, text);
        assertThat(findings).extracting(Finding::quote).contains(quote);
        for (int i = 1; i < findings.size(); i++) {
            Finding before = findings.get(i - 1);
            assertThat(findings.get(i).offset()).isGreaterThanOrEqualTo(before.offset() + before.length());
        }
    }

    @Test
    void aDepositArticleNeedsNoMarketRiskWarningThoughItMentionsAnEmergencyFund() {
        assertThat(findings("risk-warning-required", "The account suits savers who want to keep an emergency fund. "
                + "Deposits are protected by the FSCS up to £120,000 per eligible person.")).isEmpty();
        assertThat(findings("risk-warning-required", "Pay into a rainy-day fund or a holiday fund each month."))
                .isEmpty();
        assertThat(findings("risk-warning-required", "Our global fund has grown steadily. Start today."))
                .singleElement().satisfies(f -> assertThat(f.checkId()).isEqualTo("required-phrase"));
        assertThat(findings("risk-warning-required", "Keep an emergency fund, then invest the rest in shares."))
                .singleElement().satisfies(f -> assertThat(f.checkId()).isEqualTo("required-phrase"));
        assertThat(findings("risk-warning-required", "Unlike an investment, our savings account pays a fixed rate."))
                .isEmpty();
        assertThat(findings("risk-warning-required", "Your premiums are not invested. Cover is subject to terms."))
                .isEmpty();
        assertThat(findings("risk-warning-required", "Our account is a safe place to start investing your savings. "
                + "Deposits are protected by the FSCS up to £85,000 per person.")).isEmpty();
        assertThat(findings("risk-warning-required", "Our fund invests in shares. "
                + "Cash held by the platform is protected by the FSCS up to £85,000 per person."))
                .singleElement().satisfies(f -> assertThat(f.checkId()).isEqualTo("required-phrase"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "This rate is only available to the first 500 savers.",
        "Apply within the next 48 hours to get the bonus.",
        "Spaces are filling up quickly.",
        "Places in the fund are limited.",
        "Thousands have already joined. Don't be left behind.",
        "The clock is ticking on this offer.",
        "Offer closes Sunday at midnight.",
        "You'll kick yourself if you wait.",
        "Don't leave it until it's too late: call us today."
    })
    void pressureWithoutAStockPhraseIsFound(String text) {
        assertThat(findings("no-pressure-selling", text)).as(text).isNotEmpty()
                .allSatisfy(f -> assertThat(f.certain()).isTrue());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Others are already locking in this rate.",
        "Grab this deal while you can.",
        "Switch before rates drop again."
    })
    void pressureThatMayBeAdviceNeedsReview(String text) {
        assertThat(findings("no-pressure-selling", text)).as(text).isNotEmpty()
                .allSatisfy(f -> assertThat(f.needsReview()).isTrue());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Take your time: the offer runs until 30 June 2026.",
        "The offer ends on Friday 30 June 2026.",
        "We will reply to your complaint within the next 2 days.",
        "Last year's offer ended on 31 March.",
        "Do not rush into a decision."
    })
    void factualDeadlinesAreNoPressure(String text) {
        assertThat(findings("no-pressure-selling", text)).as(text).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Your pot can go into drawdown. In drawdown, your pot stays invested and you take an income from it.",
        "Look at the OCF. This figure covers the fund's yearly running costs.",
        "Check the surrender value, meaning what you get if you cash in early.",
        "With-profits funds smooth returns by holding some back in good years.",
        "The annuity rate tells you how much income each £1,000 buys.",
        "Gilts are loans to the UK government.",
        "The fund uses derivatives, contracts whose value depends on another asset.",
        "Volatility, how much a price moves up and down, is higher for small companies.",
        "The TER covers the fund's yearly running costs."
    })
    void jargonExplainedInOtherWordsIsExplained(String text) {
        assertThat(findings("jargon-explained", text)).as(text).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Annuities are popular with people who retire this year.",
        "The TER is lower for funds that track an index.",
        "Ask about drawdown. This is something our advisers do every day."
    })
    void jargonWithoutAnExplanationIsFound(String text) {
        assertThat(findings("jargon-explained", text)).as(text).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Investing involves risk, including the loss of some or all of the money you put in.",
        "You could end up with less than you put in.",
        "Your investment could be worth less than you paid for it.",
        "Your capital is not protected.",
        "Markets go down as well as up.",
        "Share prices go up and down, so you might lose everything you invest.",
        "There is no guarantee you will get your money back.",
        "You may not get back the amount you originally invested.",
        "Values fluctuate and you could make a loss."
    })
    void aRiskWarningInOtherWordsSatisfiesTheRequirement(String warning) {
        assertThat(findings("risk-warning-required", "Our fund invests in shares. " + warning)).as(warning).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Our fund invests in shares. With us you can't lose money.",
        "Our fund invests in shares. You will never get back less than you paid in.",
        "Our fund invests in shares. You won't make a loss.",
        "Our pet insurance pays vet bills with no waiting period."
    })
    void aDeniedWarningOrConditionIsNone(String text) {
        assertThat(findings("risk-warning-required", text)).as(text).singleElement()
                .satisfies(f -> assertThat(f.checkId()).isEqualTo("required-phrase"));
    }

    private List<Finding> findings(String guidelineId, String text) {
        Guideline g = set.guidelines().stream().filter(x -> x.id().equals(guidelineId)).findFirst().orElseThrow();
        return engine.check(g, PlainText.of(text, ArticleFormat.PLAIN));
    }
}
