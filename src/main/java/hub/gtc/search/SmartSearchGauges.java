package hub.gtc.search;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.component.resilience4j.ResilienceProcessor;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The seed's Smart Search gauges: {@code smart_search_circuit_breaker_state{region,endpoint}} (0 closed, 1 open,
 * 2 half-open, 3 forced or disabled) read from the routes' breakers, and {@code gtc_cache_size_bytes{region}},
 * which the {@code measure-gtc-cache} route refreshes by calling {@link #measureGtcCache()}.
 */
@Component("smartSearchGauges")
public class SmartSearchGauges implements CamelContextConfiguration {

    private final MeterRegistry registry;
    private final ObjectProvider<com.azure.storage.blob.BlobServiceClient> blobs;
    private final String region;
    private final String primaryRegion;
    private final String secondaryRegion;
    private final String container;
    private final Path localRoot;
    private final AtomicLong cacheBytes = new AtomicLong();

    public SmartSearchGauges(MeterRegistry registry, ObjectProvider<com.azure.storage.blob.BlobServiceClient> blobs,
                             @Value("${hub.region}") String region,
                             @Value("${hub.smart-search.primary.region}") String primaryRegion,
                             @Value("${hub.smart-search.secondary.region}") String secondaryRegion,
                             @Value("${hub.blob.gtc-container}") String container,
                             @Value("${hub.data-dir}/blobs") Path localRoot) {
        this.registry = registry;
        this.blobs = blobs;
        this.region = region;
        this.primaryRegion = primaryRegion;
        this.secondaryRegion = secondaryRegion;
        this.container = container;
        this.localRoot = localRoot;
    }

    @Override
    public void beforeApplicationStart(CamelContext camel) {
        for (Map.Entry<String, String> breaker : Map.of(
                "smart-search-primary", primaryRegion, "smart-search-secondary", secondaryRegion).entrySet()) {
            Gauge.builder("smart_search_circuit_breaker_state", camel, c -> state(c, breaker.getKey()))
                    .description("Smart Search circuit breaker: 0 closed, 1 open, 2 half-open, 3 forced/disabled")
                    .tag("region", breaker.getValue()).tag("endpoint", "smart-search").register(registry);
        }
        Gauge.builder("gtc_cache_size_bytes", cacheBytes, AtomicLong::get).baseUnit("bytes")
                .description("Bytes of GTC PDFs in the blob cache").tag("region", region).register(registry);
    }

    @Override
    public void afterApplicationStart(CamelContext camel) {
        // the gauges read live values
    }

    /** Sums the sizes of the cached GTC PDFs: the blob container, or the local folder in the embedded default. */
    public long measureGtcCache() throws IOException {
        com.azure.storage.blob.BlobServiceClient client = blobs.getIfAvailable();
        long bytes;
        if (client != null) {
            bytes = client.getBlobContainerClient(container).listBlobs().stream()
                    .mapToLong(b -> b.getProperties().getContentLength()).sum();
        } else {
            Path folder = localRoot.resolve(container);
            if (!Files.isDirectory(folder)) {
                bytes = 0;
            } else {
                try (Stream<Path> files = Files.list(folder)) {
                    bytes = files.mapToLong(f -> f.toFile().length()).sum();
                }
            }
        }
        cacheBytes.set(bytes);
        return bytes;
    }

    private static double state(CamelContext camel, String id) {
        if (!(camel.getProcessor(id) instanceof ResilienceProcessor breaker)) {
            return 0;
        }
        return switch (breaker.getCircuitBreakerState()) {
            case "CLOSED" -> 0;
            case "OPEN" -> 1;
            case "HALF_OPEN" -> 2;
            default -> 3;
        };
    }
}
