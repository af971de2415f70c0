package hub.it;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The web console end to end in Debian's headless Chromium, driven by playwright-core (src/test/browser, installed
 * from its package-lock.json into target/browser-test; no browser download): paste the sample article, submit,
 * follow the progress, check score, findings and that every highlight covers exactly its quote after the emoji,
 * apply a suggestion and re-check incrementally (the unchanged paragraphs' findings come back reused); the markdown
 * sample and an HTML article are shown rendered (no markup, entities decoded, highlights on the rendered words), and
 * the page never scrolls sideways at 1280, 350 and 320 px. The LLM is WireMock answering from the prompt.
 * Screenshots go to target/failsafe-reports/ and, at 1280 and 350 px, to target/screenshots/ (and to docs/images/
 * with -Dhub.console.docs-screenshot=true).
 */
@org.springframework.test.context.TestPropertySource(properties = "hub.incremental.enabled=true")
class TaskPaneBrowserIT extends LocalServicesIT {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final Path WORK = Path.of("target/browser-test");
    private static final Path REPORTS = Path.of("target/failsafe-reports");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    @Autowired
    private StringRedisTemplate redis;

    @Test
    void aWriterPastesTheSampleSeesHighlightedFindingsAppliesASuggestionAndRechecks() throws Exception {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install -y chromium; scripts/local-services.sh "
                + "installs it)").isExecutable();
        installPlaywright();
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
        Files.createDirectories(REPORTS);
        Files.createDirectories(SCREENSHOTS);
        ProcessBuilder node = new ProcessBuilder("node", "console.e2e.mjs").directory(WORK.toFile())
                .redirectErrorStream(true);
        node.environment().putAll(Map.of(
                "HUB_URL", "http://127.0.0.1:" + port,
                "HUB_TOKEN", TestTokens.mint("console-writer", tenant),
                "SAMPLE", Path.of("examples/sample-request.json").toAbsolutePath().toString(),
                "REPORT_DIR", REPORTS.toAbsolutePath().toString(),
                "SCREENSHOT_DIR", SCREENSHOTS.toAbsolutePath().toString(),
                "CHROMIUM", CHROMIUM.toString()));
        Process run = node.start();
        boolean finished;
        try {
            finished = run.waitFor(180, TimeUnit.SECONDS);
        } finally {
            Set<String> cached = redis.keys("unit-verdict:" + tenant + ":*");
            if (cached != null && !cached.isEmpty()) {
                redis.delete(cached);
            }
        }
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            run.destroyForcibly();
        }
        Files.writeString(REPORTS.resolve("TaskPaneBrowserIT-console.txt"), output);
        assertThat(finished).as("the browser test finished in time:\n" + output).isTrue();
        assertThat(run.exitValue()).as(output).isZero();
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

    /** npm ci from the committed lock into target/browser-test, once per lock. */
    private static void installPlaywright() throws IOException, InterruptedException {
        Path source = Path.of("src/test/browser");
        Files.createDirectories(WORK);
        boolean sameLock = Files.exists(WORK.resolve("package-lock.json"))
                && Files.mismatch(source.resolve("package-lock.json"), WORK.resolve("package-lock.json")) == -1;
        for (String file : List.of("package.json", "package-lock.json", "console.e2e.mjs")) {
            Files.copy(source.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (sameLock && Files.isDirectory(WORK.resolve("node_modules/playwright-core"))) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts")
                .directory(WORK.toFile()).redirectErrorStream(true)
                .redirectOutput(new File(WORK.toFile(), "npm-ci.log")).start();
        assertThat(npm.waitFor(300, TimeUnit.SECONDS)).as("npm ci finished").isTrue();
        assertThat(npm.exitValue()).as(Files.readString(WORK.resolve("npm-ci.log"))).isZero();
    }
}
