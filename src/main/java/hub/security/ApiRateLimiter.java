package hub.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import hub.gtc.ratelimit.LeasedTokenBucket;
import hub.gtc.ratelimit.LocalTokenBucket;
import hub.gtc.ratelimit.RedisTokenBucket;
import hub.gtc.ratelimit.SmartSearchRateLimiter;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * One token bucket per caller (tenant and subject): the Redis bucket of Smart Search's rate limit, shared by every
 * instance ({@code gtc:ratelimit:api:<tenant>:<subject>}), when Redis is configured; in process otherwise (the
 * embedded profile) and while Redis is down. With Redis, tokens are taken in leases ({@link LeasedTokenBucket}): up to
 * what the rate refills in {@code hub.api.rate-limit.lease-ms} (100 ms; 0 for one round trip per call), at most half
 * the burst, kept in memory for as long, so a request does not wait on Redis each time.
 */
@Component
public class ApiRateLimiter {

    private final StringRedisTemplate redis;
    private final double perSecond;
    private final long burst;
    private final String keyPrefix;
    private final long leaseMs;
    private final Cache<String, SmartSearchRateLimiter> buckets = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();

    public ApiRateLimiter(ObjectProvider<StringRedisTemplate> redis,
                          @Value("${hub.api.rate-limit.per-second}") double perSecond,
                          @Value("${hub.api.rate-limit.burst}") long burst,
                          @Value("${hub.cache.key-prefix:}") String keyPrefix,
                          @Value("${hub.api.rate-limit.lease-ms:100}") long leaseMs) {
        this.leaseMs = leaseMs;
        this.redis = redis.getIfAvailable();
        this.keyPrefix = keyPrefix;
        this.perSecond = perSecond;
        this.burst = burst;
    }

    /** 0 when the caller may go on, else the milliseconds until its next token. */
    public long tryTake(Caller caller) {
        return buckets.get(caller.tenant() + ":" + caller.subject(), this::bucket).tryTake();
    }

    private SmartSearchRateLimiter bucket(String key) {
        LocalTokenBucket local = new LocalTokenBucket(perSecond, burst);
        if (redis == null) {
            return local;
        }
        RedisTokenBucket shared = new RedisTokenBucket(redis, keyPrefix + "api:" + key, perSecond, burst, local);
        long lease = leaseMs <= 0 ? 1 : LeasedTokenBucket.leaseTokens(perSecond, burst, leaseMs);
        return lease <= 1 ? shared : new LeasedTokenBucket(shared, lease, leaseMs);
    }
}
