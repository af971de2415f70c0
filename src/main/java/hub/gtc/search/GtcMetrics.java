package hub.gtc.search;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The seed's Smart Search meters: {@code smart_search_requests_total{region,endpoint,status}},
 * {@code smart_search_latency_seconds{operation,region}},
 * {@code smart_search_cache_requests_total{region,cache_layer,result}} (hit rate = hits / all) and
 * {@code smart_search_failovers_total{region,reason}}.
 */
@Component("gtcMetrics")
public class GtcMetrics {

    private static final String STARTED = "smartSearchStartedAt";

    private final MeterRegistry registry;

    public GtcMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Starts the clock of one Smart Search request. */
    public void start(Exchange exchange) {
        exchange.setProperty(STARTED, System.nanoTime());
    }

    public void request(Exchange exchange, String region, String endpoint, int status) {
        Counter.builder("smart_search_requests").description("Smart Search HTTP requests")
                .tag("region", region).tag("endpoint", endpoint).tag("status", String.valueOf(status))
                .register(registry).increment();
        Long started = exchange.getProperty(STARTED, Long.class);
        if (started != null) {
            Timer.builder("smart_search_latency").description("Smart Search request latency")
                    .tag("operation", endpoint).tag("region", region).publishPercentileHistogram()
                    .register(registry).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    /** Counts a request that failed without an answer (I/O error, timeout), then lets the failure continue. */
    public void requestFailed(Exchange exchange, String region, String endpoint) throws Exception {
        request(exchange, region, endpoint, 0);
        throw exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    }

    /** Counts a cache lookup: a hit when the cached value is not null. */
    public void cache(String region, String layer, Object cached) {
        boolean hit = cached != null;
        Counter.builder("smart_search_cache_requests").description("GTC cache lookups")
                .tag("region", region).tag("cache_layer", layer).tag("result", hit ? "hit" : "miss")
                .register(registry).increment();
    }

    public void rateLimited(String region, String operation) {
        Counter.builder("smart_search_rate_limited").description("Smart Search requests not sent: rate limit reached")
                .tag("region", region).tag("endpoint", operation).register(registry).increment();
    }

    /** Counts a PDF cache lookup: a hit only when the cached PDF is still fresh. */
    public void pdfCache(String region, boolean fresh) {
        cache(region, "pdf", fresh ? Boolean.TRUE : null);
    }

    public void failover(String fromRegion, Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String reason = cause == null ? "circuit_open" : cause.getClass().getSimpleName();
        Counter.builder("smart_search_failovers").description("Smart Search failovers away from a region")
                .tag("region", fromRegion).tag("reason", reason).register(registry).increment();
    }
}
