package hub.gtc.ratelimit;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
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
    private final AtomicLong leased = new AtomicLong();
    private final ReentrantLock leasing = new ReentrantLock();
    private volatile long leaseEndsAtNanos;

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

    /**
     * Hands out a leased token without a lock; only a new lease (the Redis round trip) is taken under one. Every
     * caller of one subject goes through the same bucket, and under a monitor its calls queued behind each other: on
     * Java 21+ each one that found the monitor taken parked its virtual thread, copying its whole stack to the heap.
     */
    @Override
    public long tryTake() {
        if (takeLeased(nanoClock.getAsLong())) {
            return 0;
        }
        leasing.lock();
        try {
            long now = nanoClock.getAsLong();
            // Another caller may have leased while this one waited for the lock.
            if (takeLeased(now)) {
                return 0;
            }
            long taken = shared.tryTakeUpTo(leaseTokens);
            if (taken <= 0) {
                leased.set(0);
                return -taken;
            }
            // The count first: a caller that sees the new end also sees the new count (volatile write, then read).
            leased.set(taken - 1);
            leaseEndsAtNanos = now + leaseNanos;
            return 0;
        } finally {
            leasing.unlock();
        }
    }

    /**
     * One token of the current lease, if it has one left and has not ended. A token taken just as a lease ends or is
     * replaced was still taken from the shared bucket: the shared limit holds.
     */
    private boolean takeLeased(long now) {
        if (now - leaseEndsAtNanos >= 0) {
            return false;
        }
        long left;
        do {
            left = leased.get();
            if (left <= 0) {
                return false;
            }
        } while (!leased.compareAndSet(left, left - 1));
        return true;
    }

    /** Declared here as well so that reflective callers (Camel's bean component) see it on the class. */
    @Override
    public boolean acquire(long maxWaitMs) {
        return TokenWait.acquire(this, maxWaitMs, nanoClock, Thread::sleep);
    }
}
