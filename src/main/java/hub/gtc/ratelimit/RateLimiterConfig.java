package hub.gtc.ratelimit;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Provides {@code smartSearchRateLimiter}: the Redis token bucket shared by all instances when a
 * {@link StringRedisTemplate} exists (local and azure profiles), the in-process bucket otherwise (embedded profile).
 * The choice is made when the bean is created, after every bean definition (auto-configuration included) is known.
 */
@Configuration(proxyBeanMethods = false)
public class RateLimiterConfig {

    private static final Logger LOG = LoggerFactory.getLogger(RateLimiterConfig.class);

    @Bean
    public SmartSearchRateLimiter smartSearchRateLimiter(
            ObjectProvider<StringRedisTemplate> redisTemplates,
            @Value("${hub.cache.key-prefix:}${hub.smart-search.rate-limit.name:smart-search}") String name,
            @Value("${hub.smart-search.rate-limit.per-second:100}") double ratePerSecond,
            @Value("${hub.smart-search.rate-limit.burst:200}") long burst,
            @Value("${hub.smart-search.rate-limit.fallback-per-second:${hub.smart-search.rate-limit.per-second:100}}")
                    double fallbackRatePerSecond,
            @Value("${hub.smart-search.rate-limit.fallback-burst:${hub.smart-search.rate-limit.burst:200}}")
                    long fallbackBurst,
            @Value("${hub.smart-search.rate-limit.redis-retry-ms:5000}") long redisRetryMs) {
        StringRedisTemplate redis = redisTemplates.getIfAvailable();
        if (redis == null) {
            LOG.info("Smart Search rate limit: {}/s, burst {}, in this instance only (no Redis)", ratePerSecond, burst);
            return new LocalTokenBucket(ratePerSecond, burst);
        }
        RedisTokenBucket bucket = new RedisTokenBucket(redis, name, ratePerSecond, burst,
                new LocalTokenBucket(fallbackRatePerSecond, fallbackBurst), Duration.ofMillis(redisRetryMs));
        LOG.info("Smart Search rate limit: {}/s, burst {}, shared through Redis key {} (fallback {}/s per instance)",
                ratePerSecond, burst, bucket.key(), fallbackRatePerSecond);
        return bucket;
    }
}
