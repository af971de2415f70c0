package hub.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import hub.article.ArticleFormat;
import hub.article.PlainText;
import hub.guideline.Guideline;
import hub.guideline.GuidelineSet;
import hub.guideline.registry.GuidelineSetRegistry;
import hub.report.model.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped German set: its shape, and German examples its rules must and must not match. */
class DefaultDeGuidelineSetTest {

    private static GuidelineSet set;
    private static GuidelineSet english;
    private static final RuleEngine ENGINE = new RuleEngine();

    @BeforeAll
    static void load() throws IOException {
        set = read("/guidelines/default-de.yaml");
        english = read("/guidelines/default.yaml");
    }

    private static GuidelineSet read(String resource) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).findAndRegisterModules();
        try (InputStream in = DefaultDeGuidelineSetTest.class.getResourceAsStream(resource)) {
            return yaml.readValue(in, GuidelineSet.class);
        }
    }

    private static Guideline guideline(String id) {
        return set.guidelines().stream().filter(g -> g.id().equals(id)).findFirst().orElseThrow();
    }

    private static List<Finding> check(String id, String text) {
        return ENGINE.check(guideline(id), PlainText.of(text, ArticleFormat.PLAIN), Locale.GERMAN);
    }

    private static List<String> quotes(String id, String text) {
        return check(id, text).stream().map(Finding::quote).toList();
    }

    @Test
    void describesAGermanSetWithTheDefaultSetsGuidelines() throws IOException {
        assertThat(set.id()).isEqualTo("default-de");
        assertThat(set.language()).isEqualTo("de");
        assertThat(set.guidelines()).extracting(Guideline::id)
                .containsExactlyElementsOf(english.guidelines().stream().map(Guideline::id).toList());
        for (Guideline g : set.guidelines()) {
            Guideline en = english.guidelines().stream().filter(e -> e.id().equals(g.id())).findFirst().orElseThrow();
            assertThat(g.severity()).as(g.id()).isEqualTo(en.severity());
            assertThat(g.scope()).as(g.id()).isEqualTo(en.scope());
            assertThat(g.roles().keySet()).as(g.id()).isEqualTo(en.roles().keySet());
            assertThat(g.needsLlm()).as(g.id()).isEqualTo(en.needsLlm());
            assertThatCode(() -> ENGINE.validate(g)).as(g.id()).doesNotThrowAnyException();
        }
        assertThat(new GuidelineSetRegistry(ENGINE, "").get("default-de").guidelines()).hasSize(10);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Mit unserem Festgeld erhalten Sie eine garantierte Rendite.",
        "Garantierte Zinsen für alle Sparer.",
        "Freuen Sie sich auf garantiert hohe Erträge.",
        "Die Rendite ist garantiert.",
        "Hohe Zinsen garantiert!",
        "Sie erhalten garantierte 5 % Zinsen im Jahr.",
        "Der Fonds bringt garantiert 4,5 Prozent.",
        "7 % pro Jahr garantiert",
        "Eine risikolose Geldanlage für jeden.",
        "Investieren Sie ohne Risiko in Gold.",
        "Bei uns gehen Sie kein Risiko ein.",
        "Das ist eine todsichere Sache.",
        "Ihr Geld ist bei uns absolut sicher.",
        "Eine sichere Geldanlage mit Top-Zinsen.",
        "Mit 100 % Kapitalschutz und voller Renditechance.",
        "Volle Kapitalgarantie ohne Wenn und Aber.",
        "Ihr Vermögen kann nur steigen.",
        "Mit diesem Plan können Sie nichts verlieren.",
        "Verluste sind ausgeschlossen."
    })
    void promisedReturnsAreFound(String text) {
        assertThat(check("no-guaranteed-returns", text)).as(text).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Die Rendite ist nicht garantiert.",
        "Es gibt keine garantierte Rendite.",
        "Keine Geldanlage ist risikolos.",
        "Eine Geldanlage ist nie ohne Risiko.",
        "Anlegen ist nicht ohne Risiko.",
        "Garantierte Zinsen gibt es bei Aktien nicht; der Kurs kann schwanken.",
        "Der Wert der Anlage kann steigen und fallen.",
        "Einlagen sind durch die gesetzliche Einlagensicherung bis 100.000 Euro je Kunde und Bank geschützt.",
        "Die Wertentwicklung der Vergangenheit ist kein verlässlicher Indikator für die Zukunft.",
        "Sie sollten sicher sein, dass Sie das Produkt verstehen.",
        "Formulierungen wie „garantierte Rendite“ haben in Werbung nichts zu suchen.",
        "Garantierte Renditen verspricht kein seriöser Anbieter.",
        "Wenn Ihnen ein Angebot risikolos erscheint, ist es das fast nie.",
        "An der Börse ist nichts risikolos."
    })
    void denialsWarningsAndStatutoryProtectionAreNotFound(String text) {
        assertThat(quotes("no-guaranteed-returns", text)).as(text).isEmpty();
    }

    @Test
    void findingsQuoteThePromiseItself() {
        String text = "Jetzt neu: garantierte Rendite von 3 %.";
        // The term and the percentage pattern overlap: one finding over both.
        assertThat(quotes("no-guaranteed-returns", text)).containsExactly("garantierte Rendite von 3 %");
        assertThat(check("no-guaranteed-returns", text)).allSatisfy(f ->
                assertThat(text.substring(f.offset(), f.offset() + f.length())).isEqualTo(f.quote()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Der Wert der Anlage kann schwanken.",
        "Der Wert Ihrer Anlage kann steigen und fallen.",
        "Sie können Verluste erleiden.",
        "Sie können weniger zurückerhalten, als Sie eingezahlt haben.",
        "Sie bekommen unter Umständen weniger zurückbekommen als eingezahlt.",
        "Es besteht das Risiko eines Totalverlusts.",
        "Ein Totalverlust des eingesetzten Kapitals ist möglich.",
        "Wertentwicklungen der Vergangenheit sind kein verlässlicher Indikator für die Zukunft.",
        "Die frühere Wertentwicklung ist kein verlässlicher Indikator für künftige Ergebnisse.",
        "Aus der bisherigen Entwicklung lassen sich keine Rückschlüsse auf die künftige Wertentwicklung ziehen.",
        "Kurse können sowohl steigen als auch fallen."
    })
    void aGermanRiskWarningSatisfiesTheRequirement(String warning) {
        assertThat(check("risk-warning-required", "Unser Sparplan bringt Ihnen Zinsen. " + warning)).as(warning)
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Es besteht das Risiko von Kursverlusten.",
        "Wertverluste sind möglich.",
        "Anlegerinnen und Anleger können Geld verlieren.",
        "Das eingesetzte Kapital kann verloren gehen.",
        "Im schlimmsten Fall verlieren Sie Ihr gesamtes Geld.",
        "Es kann sein, dass Sie am Ende weniger haben, als Sie eingezahlt haben.",
        "Die Kurse schwanken, und Verluste lassen sich nicht ausschließen.",
        "Eine Garantie, dass Sie Ihr Geld zurückbekommen, gibt es nicht.",
        "Aktienkurse gehen rauf und runter.",
        "Ihr Kapital ist nicht geschützt."
    })
    void aGermanRiskWarningInOtherWordsSatisfiesTheRequirement(String warning) {
        assertThat(check("risk-warning-required", "Unser Aktienfonds bietet Chancen. " + warning)).as(warning)
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Unser Aktienfonds bietet Chancen. Mit uns können Sie nichts verlieren.",
        "Unser Aktienfonds bietet Chancen. Verluste sind ausgeschlossen.",
        "Unser Aktienfonds bietet Chancen. Sie erhalten nie weniger, als Sie eingezahlt haben.",
        "Unsere Zahnzusatzversicherung zahlt sofort, ohne Wartezeit."
    })
    void aDeniedWarningOrConditionIsNone(String text) {
        assertThat(check("risk-warning-required", text)).as(text).singleElement()
                .satisfies(f -> assertThat(f.checkId()).isEqualTo("required-phrase"));
    }

    @Test
    void aFundArticleWithoutRiskWarningIsFoundAndADepositArticleNeedsNone() {
        assertThat(check("risk-warning-required", "Unser Fondssparplan bringt Ihnen hohe Renditen. Jetzt eröffnen!"))
                .singleElement().satisfies(f -> assertThat(f.checkId()).isEqualTo("required-phrase"));
        assertThat(check("risk-warning-required", "Unser Tagesgeld bringt Ihnen 3 % Zinsen.")).isEmpty();
    }

    @Test
    void aDepositGuaranteeFundIsNoInvestmentFund() {
        assertThat(check("risk-warning-required", "Ihre Einlagen sind gesetzlich bis 100.000 Euro gesichert. "
                + "Zusätzlich ist die Bank Mitglied im Einlagensicherungsfonds des Bankenverbands.")).isEmpty();
        assertThat(check("risk-warning-required", "Die Bank gehört dem Sicherungsfonds der Sparkassen an.")).isEmpty();
        assertThat(check("risk-warning-required", "Unser Aktienfonds bringt Ihnen hohe Renditen."))
                .singleElement().satisfies(f -> assertThat(f.checkId()).isEqualTo("required-phrase"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Der beste Sparplan für Ihre Familie.",
        "Unser bester Tarif.",
        "Wir sind die Nummer 1 bei Tagesgeld.",
        "Die Nr. 1 für Ihre Altersvorsorge.",
        "Testsieger!",
        "Unschlagbare Konditionen.",
        "Der marktführende Anbieter für ETFs.",
        "Die günstigsten Gebühren am Markt.",
        "Die sicherste Anlage Deutschlands."
    })
    void unqualifiedSuperlativesAreFound(String text) {
        assertThat(check("no-unqualified-superlatives", text)).as(text).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Am besten sprechen Sie mit Ihrer Beratung.",
        "Wir beraten Sie nach bestem Wissen und Gewissen.",
        "Alles bestens.",
        "Das beste Argument für einen Sparplan ist die Regelmäßigkeit.",
        "Der günstigste Tarif ist nicht immer der beste.",
        "Die günstigste Police muss nicht die passende sein.",
        "Die besten Sparerinnen und Sparer prüfen ihre Zinsen jedes Jahr.",
        "Ein guter Tarif mit fairen Gebühren."
    })
    void idiomsAreNotSuperlatives(String text) {
        assertThat(quotes("no-unqualified-superlatives", text)).as(text).isEmpty();
    }

    @Test
    void genericMasculineIsFoundWithPairAndNeutralSuggestions() {
        assertThat(check("inclusive-language", "Jeder Anleger sollte das wissen."))
                .singleElement().satisfies(f -> assertThat(f.suggestion()).contains("Anlegerinnen und Anleger"));
        assertThat(quotes("inclusive-language", "Unsere Berater helfen gern. Fragen Sie einen Fachmann. "
                + "Das kostet viele Mannstunden. Der Kunde entscheidet. Als Kaufmann wissen Sie das."))
                .containsExactly("Unsere Berater", "Fachmann", "Mannstunden", "Der Kunde", "Kaufmann");
        assertThat(check("inclusive-language", "Fragen Sie einen Fachmann.")).singleElement()
                .satisfies(f -> assertThat(f.suggestion()).contains("Fachkraft"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Unsere Beraterinnen und Berater helfen gern.",
        "Ihre Ansprechpartnerin ist Frau Anna Kaufmann.",
        "Herr Fachmann leitet das Team.",
        "Alle Anlegerinnen und Anleger erhalten die Unterlagen.",
        "Die alten Verträge bleiben gültig.",
        "Jede Anlegerin und jeder Anleger sollte die Kosten kennen.",
        "Der Kunde oder die Kundin erhält die Unterlagen per Post."
    })
    void namedPersonsPairFormsAndLowerCaseWordsAreNotFound(String text) {
        assertThat(quotes("inclusive-language", text)).as(text).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Nur noch heute: 3 % Zinsen!",
        "Jetzt zugreifen!",
        "Nur solange der Vorrat reicht.",
        "Ihre letzte Chance auf diesen Zins.",
        "Diese Gelegenheit dürfen Sie nicht verpassen.",
        "Ein zeitlich begrenztes Angebot.",
        "Handeln Sie jetzt, bevor es zu spät ist.",
        "Aber Achtung: Das Aktionsangebot gilt nur noch heute.",
        "Der Beitrag gilt nur für Anträge, die in den nächsten 48 Stunden bei uns eingehen.",
        "Der Aktionszins gilt nur für die ersten 1.000 Neukunden.",
        "Die Plätze sind fast vergeben.",
        "Die Uhr tickt.",
        "Lassen Sie sich diesen Zins nicht entgehen."
    })
    void pressureSellingIsFound(String text) {
        assertThat(check("no-pressure-selling", text)).as(text).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Anträge sind bis zum 30. Juni 2025 möglich.",
        "Nehmen Sie sich Zeit und lassen Sie sich beraten.",
        "Greifen Sie zu diesem Zweck auf Ihr Online-Banking zu.",
        "Wir melden uns in den nächsten 48 Stunden bei Ihnen.",
        "Das Angebot war zeitlich begrenzt und ist inzwischen ausgelaufen.",
        "Vorsicht bei Anbietern, die behaupten, ein Angebot gelte nur noch heute."
    })
    void factualDeadlinesAndAdviceAreNotPressure(String text) {
        assertThat(quotes("no-pressure-selling", text)).as(text).isEmpty();
    }

    @Test
    void aCallToSortOutOnesOwnPapersNeedsReview() {
        assertThat(check("no-pressure-selling", "Handeln Sie jetzt und bringen Sie Ordnung in Ihre Unterlagen."))
                .isNotEmpty().allSatisfy(f -> assertThat(f.needsReview()).isTrue());
        assertThat(check("no-pressure-selling", "Handeln Sie jetzt und sichern Sie sich 4 % Zinsen."))
                .isNotEmpty().allSatisfy(f -> assertThat(f.certain()).isTrue());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            no-guaranteed-returns | Bei uns ist Ihr Erspartes in sicheren Händen.
            no-guaranteed-returns | So können Sie Ihr Geld entspannt wachsen sehen.
            risk-warning-required | Ein Verlust ist theoretisch möglich, aber seit Jahren nicht vorgekommen.
            risk-warning-required | Bei dieser Streuung besteht praktisch kein Risiko.
            """)
    void impliedSafetyAndPlayedDownRisksNeedReview(String guideline, String text) {
        assertThat(check(guideline, text)).as(text).isNotEmpty().allSatisfy(f -> assertThat(f.needsReview()).isTrue());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Die Kosten eines Fonds stehen als TER im Factsheet. Die Abkürzung steht für die jährlichen Gesamtkosten.",
        "Der Fonds ist thesaurierend. Der Begriff bezeichnet Fonds, die Erträge wieder anlegen.",
        "Der Index MSCI World umfasst rund 1.400 Unternehmen aus 23 Industrieländern.",
        "Die laufenden Kosten eines ETF werden als TER angegeben, kurz für „Total Expense Ratio“.",
        "Die Kosten stehen als TER im Factsheet. Gemeint sind die jährlichen Kosten der Verwaltung.",
        "Die TER steht für die jährlichen Gesamtkosten des Fonds.",
        "Beim Ausgabeaufschlag handelt es sich um eine einmalige Gebühr beim Kauf.",
        "Achten Sie auf den Ausgabeaufschlag. Diese Gebühr zahlen Sie einmal beim Kauf.",
        "Die Volatilität zeigt, wie stark der Kurs schwankt.",
        "Wählen Sie die Thesaurierung. Dabei werden Erträge automatisch wieder angelegt."
    })
    void jargonExplainedInTheNextSentenceIsExplained(String text) {
        assertThat(quotes("jargon-explained", text)).as(text).isEmpty();
    }

    @Test
    void longGermanSentencesAreFound() {
        String longSentence = "Wort ".repeat(31).strip() + ".";
        assertThat(check("plain-language-length", "Wort ".repeat(30).strip() + ".")).as("30 words are fine").isEmpty();
        assertThat(check("plain-language-length", longSentence)).singleElement().satisfies(f -> {
            assertThat(f.checkId()).isEqualTo("sentence-length");
            assertThat(f.message()).as("the set's own language").isEqualTo(
                    "Der Satz hat 31 Wörter; höchstens 30 sind empfohlen.");
            assertThat(f.suggestion()).isEqualTo("Teilen Sie ihn in kürzere Sätze.");
        });
        assertThat(check("plain-language-length", "Ein kurzer Satz. Noch einer.")).isEmpty();
    }

    @Test
    void aLongArticleIsCheckedQuickly() {
        String paragraph = "Mit dem Sparplan legen Sie jeden Monat einen festen Betrag an, nicht ohne Risiko. Der Wert "
                + "der Anlage kann schwanken, und unsere Beraterinnen und Berater erklären Ihnen die Kosten.\n\n";
        PlainText text = PlainText.of(paragraph.repeat(1_000), ArticleFormat.PLAIN);
        for (Guideline g : set.guidelines()) {
            ENGINE.check(g, text, Locale.GERMAN);
        }
        long start = System.nanoTime();
        for (Guideline g : set.guidelines()) {
            ENGINE.check(g, text, Locale.GERMAN);
        }
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms for %d characters", text.text().length())
                .isLessThan(2_000);
    }
}
