package hub.gtc.search;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The seed's Smart Search meters: {@code smart_search_requests_total{region,endpoint,status}},
 * {@code smart_search_cache_requests_total{region,cache_layer,result}} (hit rate = hits / all) and
 * {@code smart_search_failovers_total{region,reason}}.
 */
@Component("gtcMetrics")
public class GtcMetrics {

    private final MeterRegistry registry;

    public GtcMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void request(String region, String endpoint, int status) {
        Counter.builder("smart_search_requests").description("Smart Search HTTP requests")
                .tag("region", region).tag("endpoint", endpoint).tag("status", String.valueOf(status))
                .register(registry).increment();
    }

    /** Counts a failed request, then lets the failure continue to the circuit breaker. */
    public void requestFailed(Exchange exchange, String region, String endpoint) throws Exception {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Integer status = exchange.getIn().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        request(region, endpoint, status == null ? 0 : status);
        throw cause;
    }

    /** Counts a cache lookup: a hit when the cached value is not null. */
    public void cache(String region, String layer, Object cached) {
        boolean hit = cached != null;
        Counter.builder("smart_search_cache_requests").description("GTC cache lookups")
                .tag("region", region).tag("cache_layer", layer).tag("result", hit ? "hit" : "miss")
                .register(registry).increment();
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
