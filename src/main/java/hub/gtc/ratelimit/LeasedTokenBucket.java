package hub.gtc.ratelimit;

import java.util.function.LongSupplier;

/**
 * A shared Redis bucket used through local leases (issue 25): one round trip takes up to {@code leaseTokens} tokens,
 * which this instance then hands out from memory until they are spent or {@code leaseNanos} have passed (an unspent
 * rest is dropped, as if used). The shared limit is never exceeded, since every token handed out was taken from the
 * Redis bucket; at worst an instance drops {@code leaseTokens - 1} tokens that another could have used. A request
 * pays the Redis round trip once per lease instead of once per call.
 */
public class LeasedTokenBucket implements SmartSearchRateLimiter {

    private final RedisTokenBucket shared;
    private final long leaseTokens;
    private final long leaseNanos;
    private final LongSupplier nanoClock;
    private long leased;
    private long leaseEndsAtNanos;

    public LeasedTokenBucket(RedisTokenBucket shared, long leaseTokens, long leaseMillis) {
        this(shared, leaseTokens, leaseMillis, System::nanoTime);
    }

    LeasedTokenBucket(RedisTokenBucket shared, long leaseTokens, long leaseMillis, LongSupplier nanoClock) {
        if (leaseTokens < 1 || leaseMillis < 1) {
            throw new IllegalArgumentException("a lease needs at least one token and one millisecond");
        }
        this.shared = shared;
        this.leaseTokens = leaseTokens;
        this.leaseNanos = leaseMillis * 1_000_000L;
        this.nanoClock = nanoClock;
    }

    /**
     * Tokens to lease at once for a bucket of {@code ratePerSecond} and {@code burst}: what the rate refills in
     * {@code leaseMillis}, at most half the burst, at least one (one is a round trip per call, as without leases).
     */
    public static long leaseTokens(double ratePerSecond, long burst, long leaseMillis) {
        long refill = (long) Math.ceil(ratePerSecond * leaseMillis / 1000.0);
        return Math.max(1, Math.min(burst / 2, refill));
    }

    @Override
    public synchronized long tryTake() {
        long now = nanoClock.getAsLong();
        if (leased > 0 && now - leaseEndsAtNanos < 0) {
            leased--;
            return 0;
        }
        long taken = shared.tryTakeUpTo(leaseTokens);
        if (taken <= 0) {
            leased = 0;
            return -taken;
        }
        leased = taken - 1;
        leaseEndsAtNanos = now + leaseNanos;
        return 0;
    }

    /** Declared here as well so that reflective callers (Camel's bean component) see it on the class. */
    @Override
    public boolean acquire(long maxWaitMs) {
        return TokenWait.acquire(this, maxWaitMs, nanoClock, Thread::sleep);
    }
}
