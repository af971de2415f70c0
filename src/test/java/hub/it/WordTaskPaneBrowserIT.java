package hub.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The Word task pane in Debian's headless Chromium (BrowserTests, src/test/browser/word-taskpane.e2e.mjs): the hub's
 * /taskpane?host=office page with the real main.js and Word adapter, where "Office.js" is the recorded Office.js API
 * surface (src/test/js/recorded-word-api.mjs) of a Word that offers exactly the requirement sets addin/manifest.xml
 * declares. Sign in with a token, check the document, reveal a finding, add a comment per finding and apply a
 * suggestion as a tracked change; any Word API call above the declared sets is refused and fails the test. A Word
 * without IdentityAPI 1.3 shows the SSO button disabled with its reason, and the token still signs in.
 *
 * <p>Seen failing against a planted error: a copy of the manifest declaring WordApi 1.3
 * ({@code -Dhub.addin.manifest=target/planted-manifest.xml}): "Adding comments failed: ApiNotFound:
 * Range.insertComment (WordApi 1.4) is not available in this Word".
 */
class WordTaskPaneBrowserIT extends LocalServicesIT {

    @Test
    void theTaskPaneChecksTheWordDocumentWithinTheDeclaredRequirementSets() throws Exception {
        String output = BrowserTests.run("word-taskpane.e2e.mjs", List.of(Path.of("src/test/js/recorded-word-api.mjs")),
                Map.of("HUB_URL", "http://127.0.0.1:" + port,
                        "HUB_TOKEN", TestTokens.mint("word-writer", "word-" + UUID.randomUUID()),
                        "MANIFEST", Path.of(System.getProperty("hub.addin.manifest", "addin/manifest.xml"))
                                .toAbsolutePath().toString()),
                180, "WordTaskPaneBrowserIT-word", () -> { });
        assertThat(output).contains("[word-e2e] OK");
        assertThat(BrowserTests.REPORTS.resolve("word-taskpane.png")).isNotEmptyFile();
    }
}
