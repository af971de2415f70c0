package hub.cache;

import io.lettuce.core.RedisClient;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The status near cache ({@link StatusNearCache}) when the status cache is Redis ({@code hub.cache.status-uri} a
 * {@code spring-redis:} endpoint on Lettuce) and {@code hub.cache.near-cache.enabled} is not false; off otherwise, as
 * on the embedded default, whose status cache is in process already.
 */
@Configuration(proxyBeanMethods = false)
public class StatusNearCacheConfig {

    @Bean(destroyMethod = "close")
    StatusNearCache statusNearCache(ObjectProvider<LettuceConnectionFactory> redis,
                                    @Value("${hub.cache.status-uri}") String statusUri,
                                    @Value("${hub.cache.key-prefix:}") String keyPrefix,
                                    @Value("${hub.cache.near-cache.enabled:true}") boolean enabled,
                                    @Value("${hub.cache.near-cache.maximum-size:100000}") long maximumSize,
                                    @Value("${hub.cache.near-cache.max-age-seconds:10}") long maxAgeSeconds) {
        LettuceConnectionFactory factory = redis.getIfAvailable();
        if (!enabled || factory == null || !statusUri.startsWith("spring-redis:")
                || !(factory.getNativeClient() instanceof RedisClient client)) {
            return StatusNearCache.off();
        }
        return new StatusNearCache(client, keyPrefix, "job:status:", maximumSize, Duration.ofSeconds(maxAgeSeconds));
    }
}
