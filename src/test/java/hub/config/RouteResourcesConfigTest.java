package hub.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class RouteResourcesConfigTest {

    @Test
    void aRouteFileOfTheApplicationIsFoundAndNestedLibraryJarsAreNotOpened() throws IOException {
        byte[] library = jar("camel/10-api/from-a-library.camel.yaml", "BOOT-INF/classes/unused.txt");
        byte[] application = jar(
                "BOOT-INF/classes/camel/10-api/submit-job.camel.yaml", null,
                "BOOT-INF/lib/library.jar", library);

        List<String> found = new RouteResourcesConfig.ApplicationResourcesResolver().doLoadImplementationsInJar(
                "camel/10-api", new ByteArrayInputStream(application), "app.jar", name -> name.endsWith(".camel.yaml"));

        assertThat(found).hasSize(1);
        assertThat(found.get(0)).endsWith("camel/10-api/submit-job.camel.yaml");
    }

    private static byte[] jar(String name, String other) throws IOException {
        return jar(name, null, other, new byte[0]);
    }

    private static byte[] jar(String first, byte[] firstContent, String second, byte[] secondContent) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(first));
            zip.write(firstContent == null ? "- route: {}".getBytes() : firstContent);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(second));
            zip.write(secondContent);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
