package hub.cache;

import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The status near cache ({@link StatusNearCache}) when the status cache is Redis ({@code hub.cache.status-uri} a
 * {@code spring-redis:} endpoint on Lettuce) and {@code hub.cache.near-cache.enabled} is not false; off otherwise, as
 * on the embedded default, whose status cache is in process already. Its meters are Micrometer's cache meters with
 * {@code cache="status-near-cache"} ({@code cache_gets_total{result="hit"|"miss"}}, {@code cache_size}, ...): the
 * polls it answers never reach Redis, so Redis's own hit rate no longer counts them.
 */
@Configuration(proxyBeanMethods = false)
public class StatusNearCacheConfig {

    @Bean(destroyMethod = "close")
    StatusNearCache statusNearCache(ObjectProvider<LettuceConnectionFactory> redis, ObjectProvider<MeterRegistry> meters,
                                    @Value("${hub.cache.status-uri}") String statusUri,
                                    @Value("${hub.cache.key-prefix:}") String keyPrefix,
                                    @Value("${hub.cache.near-cache.enabled:true}") boolean enabled,
                                    @Value("${hub.cache.near-cache.maximum-size:20000}") long maximumSize,
                                    @Value("${hub.cache.near-cache.max-age-seconds:10}") long maxAgeSeconds) {
        LettuceConnectionFactory factory = redis.getIfAvailable();
        if (!enabled || factory == null || !statusUri.startsWith("spring-redis:")
                || !(factory.getNativeClient() instanceof RedisClient client)) {
            return StatusNearCache.off();
        }
        StatusNearCache nearCache = new StatusNearCache(client, keyPrefix, "job:status:", maximumSize,
                Duration.ofSeconds(maxAgeSeconds));
        meters.ifAvailable(registry -> CaffeineCacheMetrics.monitor(registry, nearCache.copies(), "status-near-cache"));
        return nearCache;
    }
}
