package hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A structural check of addin/manifest.xml beyond Microsoft's add-in manifest schema (AddinManifestXsdTest validates
 * against the XSDs themselves): element order, a GUID id, the requirement sets the Word adapter really uses,
 * HTTPS URLs on one origin, the task pane at /taskpane, icons of the declared sizes served by the hub, resource ids
 * that resolve, string lengths, permissions and requirement sets.
 */
class AddinManifestTest {

    private static final String OFFICE = "http://schemas.microsoft.com/office/appforoffice/1.1";
    private static final String OVERRIDES = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";
    private static final String BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    /** The order of OfficeApp's children in the TaskPaneApp schema (optional ones may be left out). */
    private static final List<String> ORDER = List.of("Id", "AlternateId", "Version", "ProviderName", "DefaultLocale",
            "DisplayName", "Description", "IconUrl", "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts",
            "Requirements", "DefaultSettings", "Permissions", "Dictionary", "VersionOverrides");

    private static Document manifest;
    private static Element root;

    @BeforeAll
    static void parse() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        manifest = factory.newDocumentBuilder().parse(Path.of("addin/manifest.xml").toFile());
        root = manifest.getDocumentElement();
    }

    @Test
    void isATaskPaneAppForWordWithItsElementsInSchemaOrder() {
        assertThat(root.getNamespaceURI()).isEqualTo(OFFICE);
        assertThat(root.getLocalName()).isEqualTo("OfficeApp");
        assertThat(root.getAttributeNS(XSI, "type")).isEqualTo("TaskPaneApp");
        List<String> children = new ArrayList<>();
        for (Element child : children(root)) {
            assertThat(child.getNamespaceURI()).as(child.getLocalName()).isIn(OFFICE, OVERRIDES);
            children.add(child.getLocalName());
        }
        assertThat(children).containsSubsequence("Id", "Version", "ProviderName", "DefaultLocale", "DisplayName",
                "DefaultSettings", "Permissions");
        List<Integer> positions = children.stream().map(ORDER::indexOf).toList();
        assertThat(positions).doesNotContain(-1).isSorted();
        assertThat(text("Id")).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(text("Version")).matches("\\d+(\\.\\d+){0,3}");
        assertThat(attribute("Host", "Name")).isEqualTo("Document");
        assertThat(attribute("Set", "Name")).isEqualTo("WordApi");
        assertThat(text("Permissions")).isIn("Restricted", "ReadDocument", "ReadWriteDocument", "ReadAllDocument",
                "WriteDocument");
        Element overrides = (Element) manifest.getElementsByTagNameNS(OVERRIDES, "VersionOverrides").item(0);
        assertThat(overrides.getAttributeNS(XSI, "type")).isEqualTo("VersionOverridesV1_0");
        assertThat(children(overrides).stream().map(Element::getLocalName))
                .containsExactly("Requirements", "Hosts", "Resources", "WebApplicationInfo");
    }

    /**
     * The Word API members the adapter calls, each with the requirement set that introduced it (Word's API
     * reference): the manifest must declare the highest of them, and IdentityAPI 1.3 for single sign-on.
     */
    static final Map<String, String> WORD_API_MEMBERS = Map.of(
            ".search(", "1.1", ".select(", "1.1", ".insertText(", "1.1", ".load(", "1.1",
            ".expandTo(", "1.3", ".getRange(", "1.3",
            ".insertComment(", "1.4", ".changeTrackingMode", "1.4");

    @Test
    void declaresTheRequirementSetsTheWordAdapterUses() throws Exception {
        String adapter = Files.readString(Path.of("src/main/resources/static/app/adapters/word-adapter.js"));
        String needed = WORD_API_MEMBERS.entrySet().stream().filter(e -> adapter.contains(e.getKey()))
                .map(Map.Entry::getValue).max(Comparator.comparing(AddinManifestTest::version)).orElseThrow();
        assertThat(needed).isEqualTo("1.4");
        Map<String, String> declared = new HashMap<>();
        NodeList sets = manifest.getElementsByTagNameNS("*", "Set");
        for (int i = 0; i < sets.getLength(); i++) {
            Element set = (Element) sets.item(i);
            declared.put(set.getAttribute("Name"), set.getAttribute("MinVersion"));
        }
        assertThat(version(declared.get("WordApi"))).as("WordApi declared").isGreaterThanOrEqualTo(version(needed));
        Element wordApi = (Element) sets.item(0);
        assertThat(((Element) wordApi.getParentNode().getParentNode()).getParentNode()).isSameAs(root);
        // SSO: getAccessToken exists in every Office.js; IdentityAPI 1.3 is what the adapter checks and declares.
        assertThat(adapter).contains("isSetSupported?.('IdentityAPI', '1.3')");
        assertThat(declared).containsEntry("IdentityAPI", "1.3");
        assertThat(text("Id")).isNotEqualTo(manifest.getElementsByTagNameNS(OVERRIDES, "Id").item(0).getTextContent());
    }

    private static double version(String v) {
        String[] parts = v.split("\\.");
        return Integer.parseInt(parts[0]) * 1000 + Integer.parseInt(parts[1]);
    }

    @Test
    void everyUrlIsHttpsOnTheHubsOriginAndTheTaskPaneIsTaskpane() {
        URI source = URI.create(attribute("SourceLocation", "DefaultValue"));
        assertThat(source.getScheme()).isEqualTo("https");
        assertThat(source.getPath()).isEqualTo("/taskpane");
        assertThat(source.getQuery()).isEqualTo("host=office");
        String origin = source.getScheme() + "://" + source.getAuthority();
        List<String> urls = new ArrayList<>();
        NodeList all = manifest.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            String value = e.getAttribute("DefaultValue");
            if (value.contains("://")) {
                urls.add(value);
            }
            if (e.getLocalName().equals("AppDomain")) {
                urls.add(e.getTextContent().trim());
            }
        }
        assertThat(urls).hasSizeGreaterThan(8).allSatisfy(url ->
                assertThat(url.equals(origin) || url.startsWith(origin + "/")).as(url + " on " + origin).isTrue());
    }

    @Test
    void iconsHaveTheDeclaredSizesAndAreServedByTheHub() throws Exception {
        assertThat(pngSize(attribute("IconUrl", "DefaultValue"))).isEqualTo(32);
        assertThat(pngSize(attribute("HighResolutionIconUrl", "DefaultValue"))).isEqualTo(64);
        NodeList images = manifest.getElementsByTagNameNS(BT, "Image");
        int resources = 0;
        for (int i = 0; i < images.getLength(); i++) {
            Element image = (Element) images.item(i);
            if (image.hasAttribute("id")) {
                int declared = Integer.parseInt(image.getAttribute("id").replaceAll("Icon\\.(\\d+)x\\1", "$1"));
                assertThat(pngSize(image.getAttribute("DefaultValue"))).as(image.getAttribute("id")).isEqualTo(declared);
                resources++;
            }
        }
        assertThat(resources).isEqualTo(3);
    }

    @Test
    void everyResourceIdResolvesAndStringsFitTheirLimits() {
        Set<String> ids = new HashSet<>();
        NodeList all = manifest.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (BT.equals(e.getNamespaceURI()) && e.hasAttribute("id")) {
                assertThat(ids.add(e.getAttribute("id"))).as("unique id " + e.getAttribute("id")).isTrue();
                assertThat(e.getAttribute("id").length()).isLessThanOrEqualTo(32);
                int limit = "String".equals(e.getLocalName())
                        && "LongStrings".equals(e.getParentNode().getLocalName()) ? 250 : 125;
                if (!"Url".equals(e.getLocalName()) && !"Image".equals(e.getLocalName())) {
                    assertThat(e.getAttribute("DefaultValue").length()).as(e.getAttribute("id")).isLessThanOrEqualTo(limit);
                }
            }
        }
        int references = 0;
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.hasAttribute("resid")) {
                assertThat(ids).as("resid " + e.getAttribute("resid")).contains(e.getAttribute("resid"));
                references++;
            }
        }
        assertThat(references).isGreaterThan(10);
        assertThat(attribute("DisplayName", "DefaultValue").length()).isLessThanOrEqualTo(125);
        assertThat(attribute("Description", "DefaultValue").length()).isLessThanOrEqualTo(250);
    }

    /** The width of a PNG the URL's path names under static/, after checking it is square. */
    private static int pngSize(String url) throws Exception {
        Path file = Path.of("src/main/resources/static", URI.create(url).getPath());
        try (InputStream in = Files.newInputStream(file); DataInputStream data = new DataInputStream(in)) {
            byte[] signature = data.readNBytes(8);
            assertThat(signature).as(file + " is a PNG").startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
            data.readInt();
            assertThat(new String(data.readNBytes(4))).isEqualTo("IHDR");
            int width = data.readInt();
            assertThat(data.readInt()).as(file + " is square").isEqualTo(width);
            return width;
        }
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    private static String text(String name) {
        return manifest.getElementsByTagNameNS(OFFICE, name).item(0).getTextContent().trim();
    }

    private static String attribute(String name, String attribute) {
        NodeList nodes = manifest.getElementsByTagNameNS("*", name);
        assertThat(nodes.getLength()).as(name).isPositive();
        return ((Element) nodes.item(0)).getAttribute(attribute);
    }
}
