package hub.store;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Azure Blob client the {@code azure-storage-blob} endpoints use (Azurite locally, a storage account in Azure),
 * and the containers the hub writes to, created when missing. Retries are bounded so that an outage answers a
 * submission with 503 in about a second instead of holding the request for minutes.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hub.blob.kind", havingValue = "azure")
public class AzureBlobConfig {

    private static final Logger log = LoggerFactory.getLogger(AzureBlobConfig.class);

    @Bean
    BlobServiceClient blobServiceClient(@Value("${hub.blob.connection-string}") String connectionString,
                                        @Value("${hub.blob.containers}") List<String> containers,
                                        @Value("${hub.blob.max-tries:3}") int maxTries,
                                        @Value("${hub.blob.try-timeout-seconds:10}") int tryTimeoutSeconds) {
        BlobServiceClient client = new BlobServiceClientBuilder()
                .connectionString(connectionString)
                .retryOptions(new RequestRetryOptions(RetryPolicyType.EXPONENTIAL, maxTries,
                        Duration.ofSeconds(tryTimeoutSeconds), Duration.ofMillis(200), Duration.ofSeconds(2), null))
                .buildClient();
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
