package hub.gtc.ratelimit;

/**
 * A token bucket in front of the Smart Search API: {@code burst} tokens at most, refilled at a fixed rate per second.
 * Callers that get no token serve from cache or give up; they never call Smart Search without one.
 */
public interface SmartSearchRateLimiter {

    /**
     * Takes one token if one is available now and never throws.
     *
     * @return 0 when a token was taken, otherwise the earliest time in milliseconds (at least 1) after which a token
     *     could be available; other callers may take it first
     */
    long tryTake();

    /** Takes one token if one is available now; never waits. */
    default boolean tryAcquire() {
        return tryTake() == 0;
    }

    /**
     * Waits at most {@code maxWaitMs} for a token, sleeping in small steps. Returns false at once when the bucket
     * cannot refill in time, and when the thread is interrupted (keeping its interrupt flag).
     */
    default boolean acquire(long maxWaitMs) {
        return TokenWait.acquire(this, maxWaitMs, System::nanoTime, Thread::sleep);
    }
}
