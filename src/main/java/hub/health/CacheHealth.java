package hub.health;

import hub.cache.StatusNearCache;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Redis (status cache, GTC caches, shared rate limit): DEGRADED when it does not answer a PING, because status reads
 * then fall back to PostgreSQL and lookups to Smart Search. UP with {@code kind=in-process} when the hub runs on
 * the embedded default's Caffeine cache. With Redis, {@code nearCache} says whether the status near cache is kept true
 * by Redis's invalidations ({@code tracking}) or every status read goes to Redis, and why: {@code waiting} for a
 * connection, {@code refused} by Redis, or {@code off} by configuration ({@link StatusNearCache.State}).
 */
@Component("cacheHealthIndicator")
public class CacheHealth implements HealthIndicator {

    private final ObjectProvider<StringRedisTemplate> redis;
    private final Duration timeout;
    private final StatusNearCache nearCache;

    public CacheHealth(ObjectProvider<StringRedisTemplate> redis, StatusNearCache nearCache,
                       @org.springframework.beans.factory.annotation.Value("${hub.health.timeout-ms:2000}") long timeoutMs) {
        this.redis = redis;
        this.nearCache = nearCache;
        this.timeout = Duration.ofMillis(timeoutMs);
    }

    @Override
    public Health health() {
        StringRedisTemplate template = redis.getIfAvailable();
        if (template == null) {
            return Health.up().withDetail("kind", "in-process").build();
        }
        return Degraded.probe(timeout, () -> {
            String pong = template.execute(connection -> connection.ping(), true);
            return Health.up().withDetail("kind", "redis").withDetail("ping", String.valueOf(pong))
                    .withDetail("nearCache", nearCache.state().json());
        });
    }
}
