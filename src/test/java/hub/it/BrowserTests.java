package hub.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The browser tests' shared part: Debian's headless Chromium, driven by playwright-core (src/test/browser, installed
 * from its package-lock.json into target/browser-test; no browser download), one node script per test.
 */
final class BrowserTests {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    static final Path WORK = Path.of("target/browser-test");
    static final Path REPORTS = Path.of("target/failsafe-reports");

    private BrowserTests() {
    }

    /**
     * Runs a script of src/test/browser (with the files it needs beside it) in target/browser-test; its output goes
     * to target/failsafe-reports/{name}.txt. {@code afterwards} runs once the script ended or timed out.
     */
    static String run(String script, List<Path> beside, Map<String, String> env, int timeoutSeconds, String name,
                      Runnable afterwards) throws IOException, InterruptedException {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install -y chromium; scripts/local-services.sh "
                + "installs it)").isExecutable();
        install(script, beside);
        Files.createDirectories(REPORTS);
        ProcessBuilder node = new ProcessBuilder("node", script).directory(WORK.toFile()).redirectErrorStream(true);
        node.environment().putAll(env);
        node.environment().put("REPORT_DIR", REPORTS.toAbsolutePath().toString());
        node.environment().put("CHROMIUM", CHROMIUM.toString());
        Process run = node.start();
        boolean finished;
        try {
            finished = run.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        } finally {
            afterwards.run();
        }
        if (!finished) {
            run.destroyForcibly();
        }
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Files.writeString(REPORTS.resolve(name + ".txt"), output);
        assertThat(finished).as("the browser test finished in time:\n" + output).isTrue();
        assertThat(run.exitValue()).as(output).isZero();
        return output;
    }

    /** npm ci from the committed lock into target/browser-test, once per lock; the script and its files beside it. */
    private static void install(String script, List<Path> beside) throws IOException, InterruptedException {
        Path source = Path.of("src/test/browser");
        Files.createDirectories(WORK);
        boolean sameLock = Files.exists(WORK.resolve("package-lock.json"))
                && Files.mismatch(source.resolve("package-lock.json"), WORK.resolve("package-lock.json")) == -1;
        for (String file : List.of("package.json", "package-lock.json", "chromium.mjs", script)) {
            Files.copy(source.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        for (Path file : beside) {
            Files.copy(file, WORK.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
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
