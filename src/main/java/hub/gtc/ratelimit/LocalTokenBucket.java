package hub.gtc.ratelimit;

import java.util.function.LongSupplier;

/**
 * An in-process token bucket on a monotonic clock. It limits one hub instance only: the embedded profile uses it,
 * and {@link RedisTokenBucket} falls back to it while Redis is unreachable.
 */
public class LocalTokenBucket implements SmartSearchRateLimiter {

    private static final double NANOS_PER_SECOND = 1_000_000_000.0;

    private final double ratePerSecond;
    private final long burst;
    private final LongSupplier nanoClock;
    private final TokenWait.Sleeper sleeper;
    private double tokens;
    private long refilledAtNanos;

    public LocalTokenBucket(double ratePerSecond, long burst) {
        this(ratePerSecond, burst, System::nanoTime, Thread::sleep);
    }

    /** For tests: {@code nanoClock} replaces {@link System#nanoTime()}, {@code sleeper} replaces the sleeps. */
    LocalTokenBucket(double ratePerSecond, long burst, LongSupplier nanoClock, TokenWait.Sleeper sleeper) {
        RateLimits.check(ratePerSecond, burst);
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
        this.tokens = burst;
        this.refilledAtNanos = nanoClock.getAsLong();
    }

    @Override
    public synchronized long tryTake() {
        long now = nanoClock.getAsLong();
        long elapsed = now - refilledAtNanos;
        if (elapsed > 0) {
            tokens = Math.min(burst, tokens + elapsed * ratePerSecond / NANOS_PER_SECOND);
            refilledAtNanos = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        // The epsilon keeps float noise (0.99000000001 tokens) from adding a whole millisecond.
        return Math.max(1, (long) Math.ceil((1 - tokens) * 1000 / ratePerSecond - 1e-6));
    }

    @Override
    public boolean acquire(long maxWaitMs) {
        return TokenWait.acquire(this, maxWaitMs, nanoClock, sleeper);
    }

    public double ratePerSecond() {
        return ratePerSecond;
    }

    public long burst() {
        return burst;
    }
}
