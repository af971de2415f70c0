package hub.it;

import static hub.it.HubClient.guideline;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Language through REST: the set chosen by the article's language when the submission names none (single jobs and
 * batch items), stored with the job, and the report's language section and warnings when languages disagree.
 */
class LanguageIT extends LocalServicesIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final String GERMAN = "Mit unserem Sparplan erhalten Sie eine garantierte Rendite. Jeder Anleger kann "
            + "monatlich einen festen Betrag einzahlen, und unsere Berater helfen Ihnen gern. Nur noch heute gibt es "
            + "den Willkommensbonus.";
    static final String ENGLISH = "Our savings plan gives you guaranteed returns. Every investor can pay in a fixed "
            + "amount each month, and our advisers are happy to help. The welcome bonus is available today only.";

    private static String submission(String text, String language, String guidelineSet) throws Exception {
        Map<String, Object> article = new java.util.LinkedHashMap<>(Map.of("title", "Sparplan", "text", text));
        if (language != null) {
            article.put("language", language);
        }
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("article", article));
        if (guidelineSet != null) {
            body.put("guidelineSet", guidelineSet);
        }
        return JSON.writeValueAsString(body);
    }

    @Test
    void aGermanArticleWithoutLanguageOrSetGetsTheGermanSet() throws Exception {
        String jobId = hub.submit(submission(GERMAN, null, null));

        JsonNode report = hub.awaitReport(jobId);

        assertThat(report.at("/guidelineSet/id").asText()).isEqualTo("default-de");
        assertThat(jdbc.queryForObject("SELECT guideline_set_id FROM jobs WHERE id = CAST(? AS uuid)", String.class,
                jobId)).isEqualTo("default-de");
        assertThat(HubClient.json(hub.get("/api/v1/jobs/" + jobId)).at("/guidelineSet/id").asText())
                .isEqualTo("default-de");
        JsonNode language = report.path("language");
        assertThat(language.has("declared") && language.path("declared").isNull()).as(language.toString()).isTrue();
        assertThat(language.path("detected").asText()).isEqualTo("de");
        assertThat(language.path("confidence").asDouble()).isGreaterThanOrEqualTo(0.8);
        assertThat(language.path("set").asText()).isEqualTo("de");
        assertThat(language.path("mismatch").asBoolean()).isFalse();
        assertThat(report.path("warnings").isArray() && report.path("warnings").isEmpty()).as(report.toString()).isTrue();
        // The German rules ran on the German text.
        JsonNode returns = guideline(report, "no-guaranteed-returns");
        assertThat(returns.path("verdict").asText()).isEqualTo("FAIL");
        assertThat(returns.at("/findings/0/quote").asText()).isEqualTo("garantierte Rendite");
        assertThat(guideline(report, "no-pressure-selling").at("/findings/0/quote").asText()).isEqualTo("Nur noch heute");
        // A missing warning is judged by the model on the article when one is configured (here the stub's PASS).
        assertThat(guideline(report, "risk-warning-required").path("evaluatedBy").asText()).isEqualTo("llm");
    }

    @Test
    void anEnglishArticleWithoutSetGetsTheDefaultSetAndNoWarning() throws Exception {
        JsonNode report = hub.awaitReport(hub.submit(submission(ENGLISH, null, " ")));

        assertThat(report.at("/guidelineSet/id").asText()).isEqualTo("default");
        assertThat(report.at("/language/detected").asText()).isEqualTo("en");
        assertThat(report.at("/language/mismatch").asBoolean()).isFalse();
        assertThat(report.path("warnings")).isEmpty();
    }

    @Test
    void anEnglishArticleSentToTheGermanSetIsWarnedAbout() throws Exception {
        JsonNode report = hub.awaitReport(hub.submit(submission(ENGLISH, null, "default-de")));

        assertThat(report.at("/guidelineSet/id").asText()).isEqualTo("default-de");
        assertThat(report.at("/language/detected").asText()).isEqualTo("en");
        assertThat(report.at("/language/set").asText()).isEqualTo("de");
        assertThat(report.at("/language/mismatch").asBoolean()).isTrue();
        assertThat(report.path("warnings")).singleElement().satisfies(w -> assertThat(w.asText())
                .contains("English (en)").contains("written for German (de)"));
    }

    @Test
    void aDeclaredLanguageTheTextContradictsIsWarnedAbout() throws Exception {
        // Declared English, so the English set, but the text is German.
        JsonNode report = hub.awaitReport(hub.submit(submission(GERMAN, "en", null)));

        assertThat(report.at("/guidelineSet/id").asText()).isEqualTo("default");
        assertThat(report.at("/language/declared").asText()).isEqualTo("en");
        assertThat(report.at("/language/detected").asText()).isEqualTo("de");
        assertThat(report.at("/language/mismatch").asBoolean()).isTrue();
        assertThat(report.path("warnings").get(0).asText()).contains("declares English (en) but reads as German (de)");
    }

    @Test
    void batchItemsWithoutSetGetTheSetOfTheirLanguage() throws Exception {
        String batchId = "lang-" + UUID.randomUUID();
        String body = JSON.writeValueAsString(Map.of("batchId", batchId, "submitter", "it", "items", List.of(
                Map.of("externalRef", batchId + "-de", "article", Map.of("text", GERMAN)),
                Map.of("externalRef", batchId + "-ch", "article", Map.of("text", ENGLISH, "language", "de-CH")),
                Map.of("externalRef", batchId + "-en", "article", Map.of("text", ENGLISH)),
                Map.of("externalRef", batchId + "-set", "article", Map.of("text", GERMAN), "guidelineSet", "default"))));

        HttpResponse<String> accepted = hub.post("/api/v1/batches", "application/json", body);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "SELECT external_ref, guideline_set_id FROM jobs WHERE external_ref LIKE ? ORDER BY external_ref",
                batchId + "-%")).extracting(r -> r.get("external_ref") + "=" + r.get("guideline_set_id"))
                .containsExactly(batchId + "-ch=default-de", batchId + "-de=default-de", batchId + "-en=default",
                        batchId + "-set=default"));
    }
}
