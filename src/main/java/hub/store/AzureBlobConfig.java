package hub.store;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Azure Blob client the {@code azure-storage-blob} endpoints use (Azurite locally, a storage account in Azure),
 * and the containers the hub writes to, created when missing.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hub.blob.kind", havingValue = "azure")
public class AzureBlobConfig {

    private static final Logger log = LoggerFactory.getLogger(AzureBlobConfig.class);

    @Bean
    BlobServiceClient blobServiceClient(@Value("${hub.blob.connection-string}") String connectionString,
                                        @Value("${hub.blob.containers}") List<String> containers) {
        BlobServiceClient client = new BlobServiceClientBuilder().connectionString(connectionString).buildClient();
        for (String container : containers) {
            try {
                if (client.getBlobContainerClient(container).createIfNotExists()) {
                    log.info("Created blob container {}", container);
                }
            } catch (RuntimeException e) {
                // The hub still starts: writes fail with 503 and jobs wait until the store is back.
                log.warn("Could not ensure blob container {}: {}", container, e.getMessage());
            }
        }
        return client;
    }
}
