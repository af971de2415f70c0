package hub.gtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PdfTextExtractorTest {

    private static final String TITLE = "General Terms and Conditions – Easy Savings Account";

    private final PdfTextExtractor extractor = new PdfTextExtractor(20 * 1024 * 1024, 500);

    @Test
    void keepsPageAndSectionNumbers() {
        GtcText text = extractor.extract("gtc-savings", TestPdfs.savingsAccountGtc());

        assertThat(text.gtcId()).isEqualTo("gtc-savings");
        assertThat(text.pages()).isEqualTo(3);
        Section managementFee = section(text, "4.2");
        assertThat(managementFee.page()).isEqualTo(3);
        assertThat(managementFee.endPage()).isEqualTo(3);
        assertThat(managementFee.heading()).isEqualTo("Management fee");
        assertThat(managementFee.text()).isEqualTo("The annual management fee is 1.5% of the account value. It is"
                + " charged at the end of each calendar year and deducted from the account balance.");
        assertThat(section(text, "1").page()).isEqualTo(1);
        assertThat(section(text, "3.1").page()).isEqualTo(2);
        assertThat(section(text, "§ 5").heading()).isEqualTo("Liability");
    }

    @Test
    void splitsEveryNumberedHeadingInReadingOrder() {
        GtcText text = extractor.extract("gtc-savings", TestPdfs.savingsAccountGtc());

        // "3. Interest" and "4. Fees and charges" are followed directly by a subsection: no text of their own.
        assertThat(text.sections()).extracting(Section::number)
                .containsExactly(null, "1", "2", "3.1", "3.2", "3.3", "4.1", "4.2", "4.3", "§ 5");
        assertThat(section(text, "3.2").heading()).isEqualTo("Interest on balances above 100,000 EUR");
    }

    @Test
    void textBeforeTheFirstHeadingIsASectionWithoutNumber() {
        GtcText text = extractor.extract("gtc-savings", TestPdfs.savingsAccountGtc());

        Section preamble = text.sections().get(0);
        assertThat(preamble.number()).isNull();
        assertThat(preamble.heading()).isNull();
        assertThat(preamble.page()).isEqualTo(1);
        assertThat(preamble.text()).startsWith(TITLE + " These terms apply between Example Bank AG")
                .endsWith("effective from 1 January 2025.");
    }

    @Test
    void aSectionContinuingOnTheNextPageKeepsItsStartPage() {
        GtcText text = extractor.extract("gtc-savings", TestPdfs.savingsAccountGtc());

        Section changes = section(text, "3.3");
        assertThat(changes.page()).isEqualTo(2);
        assertThat(changes.endPage()).isEqualTo(3);
        assertThat(changes.text()).startsWith("The bank may change the variable interest rate")
                .endsWith("the account may be closed free of charge before the change takes effect.");
    }

    @Test
    void dropsRunningFootersWithPageNumbers() {
        GtcText text = extractor.extract("gtc-savings", TestPdfs.savingsAccountGtc());

        assertThat(text.sections()).extracting(Section::text).noneMatch(t -> t.contains("page 1 of 3")
                || t.contains("page 2 of 3") || t.contains("page 3 of 3"));
        assertThat(String.join(" ", text.sections().stream().map(Section::text).toList()))
                .containsOnlyOnce(TITLE);
    }

    @Test
    void recognisesParagraphSignArticleSectionAndClauseStyleHeadings() {
        byte[] pdf = TestPdfs.gtc("Conditions", List.of(
                List.of("Article 1 Definitions", "Customer means the account holder.",
                        "Section 2", "Payments", "Payments are due monthly."),
                List.of("§ 7 Haftung", "Die Bank haftet für Vorsatz.",
                        "7.2.1 Notice periods", "Either party may terminate with one month's notice.",
                        "7.3 The customer must report the loss of a card without delay. The bank blocks the card"
                                + " as soon as it is informed.")));

        GtcText text = extractor.extract("gtc-multi", pdf);

        assertThat(text.sections()).extracting(Section::page, Section::number, Section::heading)
                .containsExactly(
                        tuple(1, null, null),
                        tuple(1, "Article 1", "Definitions"),
                        tuple(1, "Section 2", "Payments"),
                        tuple(2, "§ 7", "Haftung"),
                        tuple(2, "7.2.1", "Notice periods"),
                        tuple(2, "7.3", null));
        assertThat(text.sections().get(0).text()).isEqualTo("Conditions");
        assertThat(section(text, "Section 2").text()).isEqualTo("Payments are due monthly.");
        assertThat(section(text, "§ 7").text()).isEqualTo("Die Bank haftet für Vorsatz.");
        assertThat(section(text, "7.3").text()).startsWith("The customer must report the loss of a card")
                .endsWith("as soon as it is informed.");
    }

    @Test
    void readsNoMoreThanThePageLimit() {
        GtcText text = new PdfTextExtractor(20 * 1024 * 1024, 2).extract("gtc-savings", TestPdfs.savingsAccountGtc());

        assertThat(text.pages()).isEqualTo(2);
        assertThat(text.sections()).allSatisfy(section -> assertThat(section.endPage()).isLessThanOrEqualTo(2));
        assertThat(section(text, "3.3").text()).doesNotContain("free of charge");
        assertThat(text.sections()).extracting(Section::number).doesNotContain("4.2");
    }

    @Test
    void refusesAPdfAboveTheSizeLimit() {
        byte[] pdf = TestPdfs.savingsAccountGtc();
        PdfTextExtractor small = new PdfTextExtractor(pdf.length - 1, 500);

        assertThatThrownBy(() -> small.extract("gtc-big", pdf))
                .isInstanceOf(GtcDocumentException.class)
                .hasMessageContaining("gtc-big")
                .hasMessageContaining(pdf.length + " bytes, more than the limit of " + (pdf.length - 1));
        assertThat(new PdfTextExtractor(pdf.length, 500).extract("gtc-big", pdf).sections()).isNotEmpty();
    }

    @Test
    void refusesCorruptBytes() {
        assertThatThrownBy(() -> extractor.extract("gtc-corrupt", TestPdfs.corrupt()))
                .isInstanceOf(GtcDocumentException.class)
                .hasMessageStartingWith("GTC gtc-corrupt: not a readable PDF");
        assertThatThrownBy(() -> extractor.extract("gtc-text", "just some text".getBytes()))
                .isInstanceOf(GtcDocumentException.class)
                .hasMessageStartingWith("GTC gtc-text: not a readable PDF");
    }

    @Test
    void refusesAnEmptyFile() {
        assertThatThrownBy(() -> extractor.extract("gtc-empty", new byte[0]))
                .isInstanceOf(GtcDocumentException.class)
                .hasMessage("GTC gtc-empty: the PDF is empty (0 bytes)");
        assertThatThrownBy(() -> extractor.extract("gtc-null", null))
                .isInstanceOf(GtcDocumentException.class)
                .hasMessage("GTC gtc-null: the PDF is empty (0 bytes)");
    }

    @Test
    void refusesAPdfWithoutText() {
        assertThatThrownBy(() -> extractor.extract("gtc-scan", TestPdfs.withoutText(2)))
                .isInstanceOf(GtcDocumentException.class)
                .hasMessage("GTC gtc-scan: the PDF has 2 page(s) but no extractable text (a scanned document"
                        + " needs OCR)");
    }

    @Test
    void refusesAPasswordProtectedPdf() {
        byte[] pdf = TestPdfs.encrypted("Secret", List.of(List.of("1. Scope", "Hidden terms.")), "s3cret");

        assertThatThrownBy(() -> extractor.extract("gtc-locked", pdf))
                .isInstanceOf(GtcDocumentException.class)
                .hasMessage("GTC gtc-locked: the PDF is encrypted with a password");
    }

    @Test
    void extractsConcurrentlyWithOneInstance() throws Exception {
        byte[] pdf = TestPdfs.savingsAccountGtc();
        GtcText expected = extractor.extract("gtc", pdf);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<GtcText>> results = pool.invokeAll(
                    Collections.nCopies(8, () -> extractor.extract("gtc", pdf)));
            for (Future<GtcText> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rejectsNonPositiveLimits() {
        assertThatThrownBy(() -> new PdfTextExtractor(0, 500)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PdfTextExtractor(1024, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void linesThatMerelyStartWithANumberAreNotHeadings() {
        List<Section> sections = split(
                "1. Fees",
                "A fee of",
                "100 EUR per year applies to accounts opened before",
                "31 December 2024.",
                "2 (two) weeks notice is required, as",
                "§ 7 of these terms explains, and",
                "Section 4 applies as well as",
                "4.2 of the price list.",
                "1.5% is charged on",
                "12 January 2025");

        assertThat(sections).extracting(Section::number).containsExactly("1");
        assertThat(sections.get(0).text()).startsWith("A fee of 100 EUR per year").endsWith("charged on 12 January 2025");
    }

    @Test
    void aBareIntegerIsAHeadingOnlyAsTheNextTopLevelNumber() {
        List<Section> sections = split("1 Scope", "Text one.", "2 Fees", "Text two.", "7 Days", "Text three.");

        assertThat(sections).extracting(Section::number, Section::heading)
                .containsExactly(tuple("1", "Scope"), tuple("2", "Fees"));
        assertThat(sections.get(1).text()).isEqualTo("Text two. 7 Days Text three.");
    }

    @Test
    void aNumberAloneOnItsLineTakesTheNextLineAsHeading() {
        List<Section> sections = split("§ 7", "Liability", "The bank is liable.", "Article IV", "Termination",
                "Either party may terminate.");

        assertThat(sections).extracting(Section::number, Section::heading, Section::text)
                .containsExactly(tuple("§ 7", "Liability", "The bank is liable."),
                        tuple("Article IV", "Termination", "Either party may terminate."));
    }

    @Test
    void joinsWordsHyphenatedAtLineEnds() {
        List<Section> sections = split("4.2 Management fee", "The annual manage-", "ment fee is charged in", "Janu-",
                "ary. Non-", "Refundable.");

        assertThat(sections.get(0).text()).isEqualTo("The annual management fee is charged in January. Non- Refundable.");
    }

    @Test
    void runningHeadersRepeatedOnMostPagesAreDropped() {
        List<List<String>> pages = List.of(
                List.of("Example Bank – GTC 2025", "1. Scope", "Scope text.", "1"),
                List.of("Example Bank – GTC 2025", "More scope text.", "- 2 -"),
                List.of("Example Bank – GTC 2025", "2. Fees", "Fee text.", "Page 3"));

        List<Section> sections = new PdfTextExtractor.SectionSplitter()
                .split(PdfTextExtractor.withoutRunningLines(pages));

        assertThat(sections).extracting(Section::number, Section::page, Section::endPage, Section::text)
                .containsExactly(tuple("1", 1, 2, "Scope text. More scope text."), tuple("2", 3, 3, "Fee text."));
    }

    private static List<Section> split(String... lines) {
        return new PdfTextExtractor.SectionSplitter().split(List.of(List.of(lines)));
    }

    private static Section section(GtcText text, String number) {
        return text.sections().stream()
                .filter(section -> number.equals(section.number()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no section " + number + " in " + text.sections()));
    }
}
