package hub.it;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The web console (the page in a plain browser, not in Word: WordTaskPaneBrowserIT runs the task pane with the
 * recorded Office.js) end to end in Debian's headless Chromium (BrowserTests): paste the sample article, submit,
 * follow the progress, check score, findings and that every highlight covers exactly its quote after the emoji,
 * apply a suggestion and re-check incrementally (the unchanged paragraphs' findings come back reused); the markdown
 * sample and an HTML article are shown rendered (no markup, entities decoded, highlights on the rendered words), and
 * the page never scrolls sideways at 1280, 350 and 320 px. The LLM is WireMock answering from the prompt.
 * Screenshots go to target/failsafe-reports/ and, at 1280 and 350 px, to target/screenshots/ (and to docs/images/
 * with -Dhub.console.docs-screenshot=true).
 */
@org.springframework.test.context.TestPropertySource(properties = "hub.incremental.enabled=true")
class WebConsoleBrowserIT extends LocalServicesIT {

    private static final Path REPORTS = BrowserTests.REPORTS;
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    @Autowired
    private StringRedisTemplate redis;

    @Test
    void aWriterPastesTheSampleSeesHighlightedFindingsAppliesASuggestionAndRechecks() throws Exception {
        // Deterministic from the prompt: the fee sentence's "management charge" fails jargon-explained in the batch of
        // unit-scope guidelines that judges it (slowly, so the progress shows); every other pair passes.
        String fees = "the management charge is just 0.5% a year";
        llm.stubFor(LlmStub.batchChat().withRequestBody(containing(fees)).atPriority(1)
                .willReturn(LlmStub.batchVerdicts(new BatchVerdictsTransformer.Violation("jargon-explained",
                        "management charge", "WARN", "Explain what the management charge is.",
                        "management charge (the yearly fee for running your plan)")).withFixedDelay(700)));

        // A tenant of its own: the unit cache lives in the shared Redis for days, and verdicts an earlier run cached
        // for the sample would complete the job before the console could show its progress.
        String tenant = "console-" + UUID.randomUUID();
        Files.createDirectories(SCREENSHOTS);
        String output = BrowserTests.run("console.e2e.mjs", List.of(), Map.of(
                "HUB_URL", "http://127.0.0.1:" + port,
                "HUB_TOKEN", TestTokens.mint("console-writer", tenant),
                "SAMPLE", Path.of("examples/sample-request.json").toAbsolutePath().toString(),
                "SCREENSHOT_DIR", SCREENSHOTS.toAbsolutePath().toString()), 180, "WebConsoleBrowserIT-console", () -> {
                    Set<String> cached = redis.keys("unit-verdict:" + tenant + ":*");
                    if (cached != null && !cached.isEmpty()) {
                        redis.delete(cached);
                    }
                });
        assertThat(output).contains("[console-e2e] OK");
        assertThat(REPORTS.resolve("console.png")).isNotEmptyFile();
        for (String shot : List.of("console-markdown-1280.png", "console-markdown-350.png", "console-1280.png",
                "console-350.png")) {
            assertThat(SCREENSHOTS.resolve(shot)).isNotEmptyFile();
        }
        if (Boolean.getBoolean("hub.console.docs-screenshot")) {
            Files.createDirectories(Path.of("docs/images"));
            Files.copy(REPORTS.resolve("console.png"), Path.of("docs/images/console.png"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
