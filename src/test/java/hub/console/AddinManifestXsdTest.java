package hub.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Every manifest the project ships or generates (addin/manifest.xml and scripts/addin-manifest.sh for the development
 * URL, a staging host and a production host behind a path and a port) is valid under Microsoft's published add-in
 * manifest schemas ([MS-OWEMXML]: OfficeAppManifestV1_1.xsd with the basic types and the task pane and mail
 * VersionOverrides 1.0 schemas), and a manifest with a planted error is not.
 *
 * <p>The schemas are Microsoft's and are not in the repository, and no npm package ships them. The test reads them
 * from the first folder that has all four: {@code HUB_OFFICE_XSD_DIR}, {@code .tools/office-manifest-xsd},
 * {@code ../shared/office-manifest-xsd}. Where none has them the test is skipped, with the message that says where
 * to put them (also under {@code CI=true}: no registry this project's CI reaches serves them, so failing would only
 * make CI red on every machine; docs/decisions/0019). The schemas' imports name their files or a URL that no longer answers;
 * the test resolves each import by its namespace to the file beside it instead (the only fix the schemas need),
 * and edits no schema.
 */
class AddinManifestXsdTest {

    private static final String CLIENT_ID = "1b2c3d4e-1111-4222-8333-444455556666";
    /** Namespace of each schema, and its file. */
    static final Map<String, String> SCHEMAS = new LinkedHashMap<>(Map.of(
            "http://schemas.microsoft.com/office/appforoffice/1.1", "OfficeAppManifestV1_1.xsd",
            "http://schemas.microsoft.com/office/officeappbasictypes/1.0", "OfficeAppBasicTypesV1_0.xsd",
            "http://schemas.microsoft.com/office/taskpaneappversionoverrides", "TaskPaneAppVersionOverridesV1_0.xsd",
            "http://schemas.microsoft.com/office/mailappversionoverrides", "MailAppVersionOverridesV1_0.xsd"));

    private static Schema schema;

    @BeforeAll
    static void compileTheSchemas() throws Exception {
        Path dir = schemaFolder();
        if (dir == null) {
            String message = "Microsoft's add-in manifest XSDs ([MS-OWEMXML]: " + String.join(", ", SCHEMAS.values())
                    + ", from the Office Add-ins documentation's schemas/taskpane folder) are in none of HUB_OFFICE_XSD_DIR, "
                    + ".tools/office-manifest-xsd, ../shared/office-manifest-xsd; no npm package ships them, and they "
                    + "are not committed (third-party files). Put the four files in one of these folders.";
            Assumptions.abort(message);
        }
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setResourceResolver((type, namespace, publicId, systemId, baseUri) -> {
            String file = SCHEMAS.get(namespace);
            return file == null ? null : input(dir.resolve(file));
        });
        schema = factory.newSchema(new StreamSource(dir.resolve(SCHEMAS.get(
                "http://schemas.microsoft.com/office/appforoffice/1.1")).toFile()));
    }

    @Test
    void everyManifestTheProjectShipsOrGeneratesIsValid() throws Exception {
        Map<String, String> manifests = new LinkedHashMap<>();
        manifests.put("addin/manifest.xml", Files.readString(Path.of("addin/manifest.xml")));
        manifests.put("development", generated("https://localhost:8443", null));
        manifests.put("staging", generated("https://staging.example.com", CLIENT_ID));
        manifests.put("production", generated("https://hub.example.com:9443/compliance", CLIENT_ID));
        List<String> problems = new ArrayList<>();
        manifests.forEach((name, xml) -> {
            try {
                validate(xml);
            } catch (Exception e) {
                problems.add(name + ": " + e.getMessage());
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void aManifestWithAPlantedErrorIsRejected() throws Exception {
        String manifest = Files.readString(Path.of("addin/manifest.xml"));
        // An element out of the schema's order, a version of five parts, an unknown element, a bad GUID.
        for (String[] planted : new String[][] {
            {"<Version>1.0.0.0</Version>", "<Version>1.0.0.0.0</Version>"},
            {"<Permissions>ReadWriteDocument</Permissions>", "<Permissions>Everything</Permissions>"},
            {"  <Version>1.0.0.0</Version>\n  <ProviderName>Compliance Hub</ProviderName>",
                "  <ProviderName>Compliance Hub</ProviderName>\n  <Version>1.0.0.0</Version>"},
            {"<Hosts>\n    <Host Name=\"Document\"/>", "<Hosts>\n    <Host Name=\"Document\"/><Hostess/>"},
            {"<Id>6f1c2a64-", "<Id>not-a-guid-"}}) {
            assertThat(manifest).contains(planted[0]);
            String broken = manifest.replace(planted[0], planted[1]);
            assertThatThrownBy(() -> validate(broken)).as(planted[1]).isInstanceOf(SAXParseException.class);
        }
    }

    private static String generated(String url, String clientId) throws Exception {
        var result = AddinManifestScript.run(url, clientId);
        assertThat(result.exitCode()).as(result.messages()).isZero();
        return result.manifest();
    }

    private static void validate(String xml) throws SAXException, java.io.IOException {
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    private static Path schemaFolder() {
        List<Path> candidates = new ArrayList<>();
        String env = System.getenv("HUB_OFFICE_XSD_DIR");
        if (env != null && !env.isBlank()) {
            candidates.add(Path.of(env));
        }
        candidates.add(Path.of(".tools/office-manifest-xsd"));
        candidates.add(Path.of("../shared/office-manifest-xsd"));
        return candidates.stream().filter(dir -> Stream.of(SCHEMAS.values().toArray(String[]::new))
                .allMatch(file -> Files.isRegularFile(dir.resolve(file)))).findFirst().orElse(null);
    }

    private static LSInput input(Path file) {
        try {
            var registry = org.w3c.dom.bootstrap.DOMImplementationRegistry.newInstance();
            var ls = (org.w3c.dom.ls.DOMImplementationLS) registry.getDOMImplementation("LS");
            LSInput input = ls.createLSInput();
            input.setSystemId(file.toUri().toString());
            input.setByteStream(Files.newInputStream(file));
            return input;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
