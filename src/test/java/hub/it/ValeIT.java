package hub.it;

import static hub.it.HubClient.guideline;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Markdown article checked against a guideline set that takes its rules from a Vale style. */
class ValeIT extends LocalServicesIT {

    @Test
    void valeFindingsComeBackAtTheirOffsetsWithSuggestionsAndLinks() throws Exception {
        String text = "# 🚀 Our Revolutionary Product\n\n"
                + "We utilize `utilize` in code, and a *revolutionary* approach in order to win.\n";
        String request = new ObjectMapper().writeValueAsString(Map.of(
                "article", Map.of("title", "Vale", "text", text, "format", "markdown", "language", "en"),
                "guidelineSet", "it-vale"));

        JsonNode report = hub.awaitReport(hub.submit(request));

        JsonNode hype = guideline(report, "HubTest.Hype");
        assertThat(hype.path("verdict").asText()).isEqualTo("WARN");
        assertThat(hype.path("evaluatedBy").asText()).isEqualTo("rule");
        assertThat(hype.path("findings")).hasSize(2);
        for (JsonNode f : hype.path("findings")) {
            int offset = f.path("offset").asInt();
            assertThat(text.substring(offset, offset + f.path("length").asInt())).isEqualToIgnoringCase("revolutionary");
            assertThat(f.path("link").asText()).isEqualTo("https://example.org/style/hype");
        }
        assertThat(hype.path("findings").get(0).path("offset").asInt()).isEqualTo(text.indexOf("Revolutionary"));

        JsonNode wording = guideline(report, "HubTest.Wording");
        assertThat(wording.path("verdict").asText()).isEqualTo("FAIL");
        assertThat(wording.path("findings")).hasSize(2);
        JsonNode utilize = wording.path("findings").get(0);
        assertThat(utilize.path("offset").asInt()).isEqualTo(text.indexOf("utilize"));
        assertThat(utilize.path("suggestion").asText()).isEqualTo("use");
        assertThat(utilize.path("message").asText()).isEqualTo("Use 'use' instead of 'utilize'.");
        assertThat(wording.path("findings").get(1).path("quote").asText()).isEqualTo("in order to");

        JsonNode heading = guideline(report, "HubTest.HeadingCase");
        assertThat(heading.path("findings").get(0).path("offset").asInt()).isEqualTo(text.indexOf("🚀"));

        assertThat(guideline(report, "rule-no-guarantees").path("verdict").asText()).isEqualTo("PASS");
    }
}
