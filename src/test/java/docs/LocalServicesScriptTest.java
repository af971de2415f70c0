package docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * scripts/local-services.sh is sourced into the user's shell (README): it must not switch on errexit, nounset or
 * pipefail there, or the next failing command closes the terminal. Run as a script (scripts/test.sh) it is strict.
 */
class LocalServicesScriptTest {

    @Test
    void sourcingItLeavesTheShellsOptionsAlone() throws Exception {
        String options = bash("source scripts/local-services.sh; echo \"$-\"; set -o | grep -E '^(pipefail|nounset)'");
        assertThat(options.lines().findFirst().orElseThrow()).doesNotContain("e").doesNotContain("u");
        assertThat(options).containsPattern("pipefail\\s+off").containsPattern("nounset\\s+off");
        assertThat(bash("source scripts/local-services.sh; false; echo still here")).contains("still here");
    }

    private static String bash(String script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
