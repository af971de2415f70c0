package hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * scripts/addin-manifest.sh: a client id is required for any host but localhost, the add-in Id differs per hub URL
 * (and stays the committed one for the development URL), and the SSO resource is api://host[:port]/client-id.
 */
class AddinManifestScriptTest {

    private static final String CLIENT_ID = "1b2c3d4e-1111-4222-8333-444455556666";
    private static final Pattern ADDIN_ID = Pattern.compile("<Id>([0-9a-f-]{36})</Id>");

    @Test
    void theDevelopmentUrlWritesTheCommittedManifestWithAWarningThatSsoIsOff() throws Exception {
        var dev = AddinManifestScript.run("https://localhost:8443", null);
        assertThat(dev.exitCode()).as(dev.messages()).isZero();
        assertThat(dev.manifest()).isEqualTo(Files.readString(Path.of("addin/manifest.xml")));
        assertThat(dev.messages()).contains("warning: no HUB_ADDIN_CLIENT_ID");
    }

    @Test
    void aManifestForAnotherHostNeedsAClientIdThatIsAGuid() throws Exception {
        var none = AddinManifestScript.run("https://hub.example.com", null);
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.manifest()).isEmpty();
        assertThat(none.messages()).contains("HUB_ADDIN_CLIENT_ID is required");
        var zero = AddinManifestScript.run("https://hub.example.com", "00000000-0000-0000-0000-000000000000");
        assertThat(zero.exitCode()).isEqualTo(2);
        var notAGuid = AddinManifestScript.run("https://hub.example.com", "my-app");
        assertThat(notAGuid.exitCode()).isEqualTo(2);
        assertThat(notAGuid.messages()).contains("must be a GUID");
        var http = AddinManifestScript.run("http://hub.example.com", CLIENT_ID);
        assertThat(http.exitCode()).isEqualTo(2);
    }

    @Test
    void eachEnvironmentGetsItsOwnAddinIdAndTheDocumentedSsoResource() throws Exception {
        String committed = addinId(Files.readString(Path.of("addin/manifest.xml")));
        var staging = AddinManifestScript.run("https://staging.example.com", CLIENT_ID);
        var production = AddinManifestScript.run("https://hub.example.com:9443/compliance/", CLIENT_ID);
        assertThat(staging.exitCode()).as(staging.messages()).isZero();
        assertThat(production.exitCode()).as(production.messages()).isZero();
        // A name-based UUID (version 5, RFC 9562) of the URL in the committed Id's namespace: stable per environment.
        assertThat(addinId(staging.manifest())).isEqualTo(uuid5(committed, "https://staging.example.com"));
        assertThat(addinId(production.manifest())).isEqualTo(uuid5(committed, "https://hub.example.com:9443/compliance"))
                .isNotEqualTo(addinId(staging.manifest())).isNotEqualTo(committed);
        assertThat(AddinManifestScript.run("https://staging.example.com", CLIENT_ID).manifest())
                .isEqualTo(staging.manifest());

        assertThat(production.manifest())
                .contains("<Resource>api://hub.example.com:9443/" + CLIENT_ID + "</Resource>")
                .contains("<Id>" + CLIENT_ID + "</Id>")
                .contains("<SourceLocation DefaultValue=\"https://hub.example.com:9443/compliance/taskpane?host=office\"/>")
                .doesNotContain("https://localhost").doesNotContain("api://localhost")
                .doesNotContain("00000000-0000-0000-0000-000000000000");
        assertThat(staging.manifest()).contains("<Resource>api://staging.example.com/" + CLIENT_ID + "</Resource>");
    }

    private static String addinId(String manifest) {
        Matcher m = ADDIN_ID.matcher(manifest);
        assertThat(m.find()).as("an add-in Id").isTrue();
        return m.group(1);
    }

    /** UUID version 5 (SHA-1, RFC 9562 section 5.5) of name in namespace. */
    static String uuid5(String namespace, String name) throws Exception {
        java.util.UUID ns = java.util.UUID.fromString(namespace);
        var sha1 = java.security.MessageDigest.getInstance("SHA-1");
        var bytes = java.nio.ByteBuffer.allocate(16).putLong(ns.getMostSignificantBits())
                .putLong(ns.getLeastSignificantBits()).array();
        sha1.update(bytes);
        byte[] hash = sha1.digest(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        var buffer = java.nio.ByteBuffer.wrap(hash, 0, 16);
        return new java.util.UUID(buffer.getLong(), buffer.getLong()).toString();
    }
}
