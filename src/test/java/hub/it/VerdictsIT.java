package hub.it;

import static hub.it.HubClient.guideline;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cases a compliance officer raised against the rules-only verdicts (issue 18), through the REST API of a hub
 * without an LLM on the shipped sets: a compliant article with denials, idioms and a named chairman is not flagged
 * and scores high, the bad sample scores low, and fixing its findings one by one never lowers its score.
 */
class VerdictsIT {

    static final String COMPLIANT = """
            # Saving for retirement without the hype

            There are no guaranteed returns with any investment fund. There is no such thing as a risk-free investment.

            The best time to review your plan is well before you retire. Do your best to compare the costs of several \
            providers before you choose.

            Our chairman, Sir Peter Hale, puts it simply: take your time and ask questions.

            Capital at risk. The value of your investment can go down as well as up, and you may get back less than \
            you invest.
            """;

    private static RunningHub running;
    private static HubClient hub;

    @BeforeAll
    static void start() {
        running = RunningHub.local("it-verdicts", "--hub.llm.enabled=false");
        hub = running.client();
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    @Test
    void aCompliantArticleWithDenialsIdiomsAndANamedChairmanIsNotFlaggedAndScoresHigh() {
        JsonNode report = hub.awaitReport(hub.submit(submission(COMPLIANT)));

        for (String id : new String[] {"no-guaranteed-returns", "no-unqualified-superlatives", "inclusive-language",
                "risk-warning-required", "no-pressure-selling"}) {
            assertThat(guideline(report, id).path("findings")).as(id).isEmpty();
            assertThat(guideline(report, id).path("verdict").asText()).as(id).isIn("PASS", "NOT_EVALUATED");
        }
        assertThat(report.path("counts").path("FAIL").asInt()).isZero();
        assertThat(report.path("counts").path("WARN").asInt()).isZero();
        assertThat(report.path("score").asDouble()).isEqualTo(100.0);
        // Only the length limits decide alone: every guideline with an instruction waits for a model.
        assertThat(report.path("coverage").asDouble()).as("what needs the model was not judged").isBetween(0.01, 0.2);
    }

    @Test
    void theBadSampleScoresFarBelowTheCompliantArticleAndEveryFixRaisesItsScore() throws Exception {
        JsonNode request = new ObjectMapper().readTree(Files.readString(Path.of("examples/sample-request.json")));
        String text = request.path("article").path("text").asText();
        JsonNode report = hub.awaitReport(hub.submit(submission(text)));
        double score = report.path("score").asDouble();
        assertThat(score).isLessThan(25.0);

        // Fix the findings one at a time, as a writer does in the console: each located finding's passage is
        // rewritten (removed), and the article is checked again.
        int fixes = 0;
        JsonNode finding;
        while ((finding = firstLocated(report)) != null && fixes < 12) {
            int offset = finding.path("offset").asInt();
            text = text.substring(0, offset) + "it" + text.substring(offset + finding.path("length").asInt());
            report = hub.awaitReport(hub.submit(submission(text)));
            double next = report.path("score").asDouble();
            assertThat(next).as("after fixing %s", finding.path("quote").asText()).isGreaterThanOrEqualTo(score);
            score = next;
            fixes++;
        }
        assertThat(fixes).isGreaterThanOrEqualTo(6);
    }

    @Test
    void oneOverlappingPhraseIsOneFinding() {
        JsonNode report = hub.awaitReport(hub.submit(submission(
                "This offer is open for a limited time only. We pay guaranteed returns of 4% a year.")));
        assertThat(guideline(report, "no-pressure-selling").path("findings")).singleElement()
                .satisfies(f -> assertThat(f.path("quote").asText()).isEqualTo("for a limited time only"));
        assertThat(guideline(report, "no-guaranteed-returns").path("findings")).singleElement()
                .satisfies(f -> assertThat(f.path("quote").asText()).isEqualTo("guaranteed returns of 4%"));
    }

    @Test
    void withoutAModelAQuotedPromiseIsAWarningForReviewNotAFail() {
        JsonNode report = hub.awaitReport(hub.submit(submission(
                "One reader wrote to us: \"My old adviser promised me guaranteed returns.\" We explain why that is wrong.")));
        JsonNode result = guideline(report, "no-guaranteed-returns");
        assertThat(result.path("verdict").asText()).isEqualTo("WARN");
        assertThat(result.path("needsReview").asBoolean()).isTrue();
        assertThat(result.path("findings").get(0).path("needsReview").asBoolean()).isTrue();
    }

    @Test
    void aGermanFundAdvertGetsTheGermanSetAndIsFlaggedAndAGermanRiskWarningIsRecognised() throws Exception {
        String advert = """
                # Garantierte Rendite von 7 % pro Jahr – ohne Risiko!

                Der beste Fonds Deutschlands: der Champion Global Fonds ist seit Jahren die Nummer 1.

                Nur noch heute gilt unser Einstiegsbonus. Jetzt zugreifen!
                """;
        JsonNode report = hub.awaitReport(hub.submit(new ObjectMapper().writeValueAsString(Map.of(
                "article", Map.of("title", "Fonds", "text", advert, "format", "markdown")))));
        assertThat(report.at("/guidelineSet/id").asText()).isEqualTo("default-de");
        assertThat(report.at("/language/detected").asText()).isEqualTo("de");
        assertThat(guideline(report, "no-guaranteed-returns").path("verdict").asText()).isEqualTo("FAIL");
        assertThat(guideline(report, "no-unqualified-superlatives").path("verdict").asText()).isEqualTo("WARN");
        assertThat(guideline(report, "no-pressure-selling").path("verdict").asText()).isEqualTo("WARN");
        assertThat(guideline(report, "risk-warning-required").path("verdict").asText()).isEqualTo("FAIL");
        assertThat(report.path("score").asDouble()).isLessThan(10.0);

        String fair = """
                Mit dem Fondssparplan legen Sie monatlich ab 25 Euro in einen breit gestreuten Aktienfonds an.

                Der Wert Ihrer Anlage kann schwanken. Sie können weniger zurückerhalten, als Sie eingezahlt haben.
                """;
        JsonNode fairReport = hub.awaitReport(hub.submit(new ObjectMapper().writeValueAsString(Map.of(
                "article", Map.of("title", "Sparplan", "text", fair, "format", "plain", "language", "de"),
                "guidelineSet", "default-de"))));
        assertThat(guideline(fairReport, "risk-warning-required").path("findings")).isEmpty();
        assertThat(fairReport.path("score").asDouble()).isEqualTo(100.0);
    }

    private static JsonNode firstLocated(JsonNode report) {
        for (JsonNode g : report.path("guidelines")) {
            for (JsonNode f : g.path("findings")) {
                if (f.has("offset") && !f.has("overruledBy")) {
                    return f;
                }
            }
        }
        return null;
    }

    static String submission(String text) {
        try {
            return new ObjectMapper().writeValueAsString(Map.of(
                    "article", Map.of("title", "Verdicts", "text", text, "format", "markdown", "language", "en"),
                    "guidelineSet", "default"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
