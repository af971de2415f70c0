package hub.health;

import com.azure.storage.blob.BlobServiceClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The blob store (articles, reports, GTC PDFs): DEGRADED when the articles container cannot be reached (Azure Blob
 * Storage, Azurite) or the local folder is not writable. Submissions then answer 503 and jobs wait, but the
 * instance stays in rotation: PostgreSQL reads (status, results) still work.
 */
@Component("blobStoreHealthIndicator")
public class BlobStoreHealth implements HealthIndicator {

    private final ObjectProvider<BlobServiceClient> blobs;
    private final String container;
    private final Path localRoot;
    private final Duration timeout;

    public BlobStoreHealth(ObjectProvider<BlobServiceClient> blobs,
                           @Value("${hub.blob.articles-container}") String container,
                           @Value("${hub.data-dir}/blobs") Path localRoot,
                           @Value("${hub.health.timeout-ms:2000}") long timeoutMs) {
        this.blobs = blobs;
        this.container = container;
        this.localRoot = localRoot;
        this.timeout = Duration.ofMillis(timeoutMs);
    }

    @Override
    public Health health() {
        BlobServiceClient client = blobs.getIfAvailable();
        if (client == null) {
            Path folder = localRoot.toAbsolutePath();
            boolean usable = !Files.exists(folder) || Files.isWritable(folder);
            return (usable ? Health.up() : Health.status(Degraded.STATUS))
                    .withDetail("kind", "local").build();
        }
        return Degraded.probe(timeout, () -> {
            boolean exists = client.getBlobContainerClient(container).exists();
            return (exists ? Health.up() : Health.status(Degraded.STATUS).withDetail("error", "container " + container + " is missing"))
                    .withDetail("kind", "azure");
        });
    }
}
