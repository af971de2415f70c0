package hub.gtc.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * A token bucket shared by every hub instance through one Redis hash, {@code gtc:ratelimit:{name}}. One Lua script
 * (sent as EVALSHA) refills the bucket by the time elapsed on the Redis server's clock and takes a token atomically,
 * so neither races between instances nor skew between their clocks can exceed the limit. The key expires once the
 * bucket would be full again, so idle buckets vanish.
 *
 * <p>While Redis is unreachable the calls never throw: they go to {@code fallback}, a {@link LocalTokenBucket}, and
 * Redis is tried again after {@code redisRetryInterval}. During such an outage each instance enforces the fallback
 * limit on its own, so N instances together may reach N times the fallback rate; set the fallback rate to the
 * shared rate divided by the instance count to keep the global limit during outages as well.
 */
public class RedisTokenBucket implements SmartSearchRateLimiter {

    public static final String KEY_PREFIX = "gtc:ratelimit:";
    public static final Duration DEFAULT_REDIS_RETRY_INTERVAL = Duration.ofSeconds(5);

    /**
     * KEYS[1] the bucket; ARGV rate per second, burst, key expiry in ms. Returns 0 when a token was taken, else the
     * milliseconds until one could be. Tokens and the refill time (microseconds of Redis TIME) live in one hash.
     */
    static final String LUA = """
            if redis.replicate_commands then redis.replicate_commands() end
            local rate = tonumber(ARGV[1])
            local burst = tonumber(ARGV[2])
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
            local state = redis.call('HMGET', KEYS[1], 'tokens', 'micros')
            local tokens = tonumber(state[1])
            local last = tonumber(state[2])
            if tokens == nil or last == nil then
              tokens = burst
              last = now
            end
            if now > last then
              tokens = tokens + (now - last) * rate / 1000000
              last = now
            end
            tokens = math.min(burst, tokens)
            local wait = 0
            if tokens >= 1 then
              tokens = tokens - 1
            else
              wait = math.max(1, math.ceil((1 - tokens) * 1000 / rate - 0.000001))
            end
            redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'micros', string.format('%.0f', last))
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return wait
            """;

    /**
     * As {@link #LUA}, taking up to ARGV[4] whole tokens at once (a lease, see {@link LeasedTokenBucket}): returns the
     * number taken (at least 1), or minus the milliseconds until one could be.
     */
    static final String LUA_UP_TO = LUA
            .replace("""
                    local wait = 0
                    if tokens >= 1 then
                      tokens = tokens - 1
                    else""", """
                    local wait = 0
                    local taken = 0
                    if tokens >= 1 then
                      taken = math.min(tonumber(ARGV[4]), math.floor(tokens))
                      tokens = tokens - taken
                    else""")
            .replace("return wait", "if taken > 0 then return taken end\nreturn -wait");

    private static final Logger LOG = LoggerFactory.getLogger(RedisTokenBucket.class);
    private static final RedisScript<Long> SCRIPT = new DefaultRedisScript<>(LUA, Long.class);
    private static final RedisScript<Long> SCRIPT_UP_TO = new DefaultRedisScript<>(LUA_UP_TO, Long.class);

    private final StringRedisTemplate redis;
    private final List<String> keys;
    private final String rateArg;
    private final String burstArg;
    private final String expiryMsArg;
    private final SmartSearchRateLimiter fallback;
    private final long redisRetryIntervalNanos;
    private final AtomicBoolean fallingBack = new AtomicBoolean();
    private volatile long redisRetryAtNanos;

    public RedisTokenBucket(StringRedisTemplate redis, String name, double ratePerSecond, long burst,
            SmartSearchRateLimiter fallback) {
        this(redis, name, ratePerSecond, burst, fallback, DEFAULT_REDIS_RETRY_INTERVAL);
    }

    public RedisTokenBucket(StringRedisTemplate redis, String name, double ratePerSecond, long burst,
            SmartSearchRateLimiter fallback, Duration redisRetryInterval) {
        RateLimits.check(ratePerSecond, burst);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("rate limiter name must not be blank");
        }
        this.redis = Objects.requireNonNull(redis, "redis");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        this.keys = List.of(KEY_PREFIX + name);
        this.rateArg = Double.toString(ratePerSecond);
        this.burstArg = Long.toString(burst);
        this.expiryMsArg = Long.toString(expiryMs(ratePerSecond, burst));
        this.redisRetryIntervalNanos = redisRetryInterval.toNanos();
    }

    /** Time to refill an empty bucket, plus a second; after that an absent key means exactly "full". */
    static long expiryMs(double ratePerSecond, long burst) {
        double refillMs = Math.ceil(burst * 1000.0 / ratePerSecond);
        return (long) Math.min(refillMs, Long.MAX_VALUE / 2.0) + 1000;
    }

    public String key() {
        return keys.get(0);
    }

    @Override
    public long tryTake() {
        return run(SCRIPT, java.util.function.LongUnaryOperator.identity(), rateArg, burstArg, expiryMsArg);
    }

    /**
     * Takes up to {@code count} tokens in one round trip: the number taken (at least 1), or minus the milliseconds
     * until one could be. While Redis is unreachable, one token (or none) of the local fallback.
     */
    public long tryTakeUpTo(long count) {
        if (count <= 1) {
            long wait = tryTake();
            return wait == 0 ? 1 : -wait;
        }
        return run(SCRIPT_UP_TO, wait -> wait == 0 ? 1 : -wait, rateArg, burstArg, expiryMsArg, Long.toString(count));
    }

    /** The script's answer, or the local fallback's wait (mapped by {@code fromWait}) while Redis is unreachable. */
    private long run(RedisScript<Long> script, java.util.function.LongUnaryOperator fromWait, String... args) {
        if (fallingBack.get() && System.nanoTime() - redisRetryAtNanos < 0) {
            return fromWait.applyAsLong(fallback.tryTake());
        }
        try {
            Long answer = redis.execute(script, keys, (Object[]) args);
            if (answer == null) {
                throw new IllegalStateException("the rate limit script returned nothing");
            }
            if (fallingBack.compareAndSet(true, false)) {
                LOG.info("Redis rate limiter {} is reachable again; the limit is shared by all instances", key());
            }
            return answer;
        } catch (RuntimeException e) {
            redisRetryAtNanos = System.nanoTime() + redisRetryIntervalNanos;
            if (fallingBack.compareAndSet(false, true)) {
                LOG.warn("Redis rate limiter {} is unreachable ({}); each instance limits itself until Redis is back",
                        key(), e.toString());
            }
            return fromWait.applyAsLong(fallback.tryTake());
        }
    }

    /** Declared here as well so that reflective callers (Camel's bean component) see it on the class. */
    @Override
    public boolean acquire(long maxWaitMs) {
        return TokenWait.acquire(this, maxWaitMs, System::nanoTime, Thread::sleep);
    }

    /** True while calls go to the local fallback because Redis failed. */
    public boolean fallingBack() {
        return fallingBack.get();
    }
}
