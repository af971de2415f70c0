package hub.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads blobs from the local folder that stands in for Azure Blob Storage in the embedded default (writes go
 * through camel-file). A container is a sub-folder; blob names may not climb out of it.
 */
@Component("localFolderBlobs")
public class LocalFolderBlobs {

    private final Path root;
    private final long pdfTtlDays;

    public LocalFolderBlobs(@Value("${hub.data-dir}/blobs") Path root,
                            @Value("${hub.smart-search.pdf-ttl-days:30}") long pdfTtlDays) {
        this.root = root.toAbsolutePath().normalize();
        this.pdfTtlDays = pdfTtlDays;
    }

    public String read(@Header("CamelAzureStorageBlobBlobContainerName") String container,
                       @Header("CamelAzureStorageBlobBlobName") String name) throws IOException {
        return Files.readString(file(container, name), StandardCharsets.UTF_8);
    }

    /**
     * Reads a binary blob. A folder has no blob metadata, so the {@code cached_at}/{@code expires_at} pair the GTC
     * cache keeps on Azure blobs is derived from the file's modification time and hub.smart-search.pdf-ttl-days.
     */
    public byte[] readBytes(Exchange exchange) throws IOException {
        Path file = file(exchange.getIn().getHeader("CamelAzureStorageBlobBlobContainerName", String.class),
                exchange.getIn().getHeader("CamelAzureStorageBlobBlobName", String.class));
        Instant written = Files.getLastModifiedTime(file).toInstant();
        exchange.getIn().setHeader("CamelAzureStorageBlobMetadata", Map.of("cached_at", written.toString(),
                "expires_at", written.plus(Duration.ofDays(pdfTtlDays)).toString()));
        return Files.readAllBytes(file);
    }

    private Path file(String container, String name) {
        Path file = root.resolve(container).resolve(name).normalize();
        if (!file.startsWith(root.resolve(container))) {
            throw new IllegalArgumentException("Blob name escapes its container: " + name);
        }
        return file;
    }
}
