package hub.gtc.ratelimit;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** The waiting loop behind {@link SmartSearchRateLimiter#acquire(long)}, with clock and sleep injectable for tests. */
final class TokenWait {

    /** Longest single sleep, so that a token freed by a slow estimate is noticed soon. */
    static final long MAX_STEP_MS = 50;

    @FunctionalInterface
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private TokenWait() {
    }

    static boolean acquire(SmartSearchRateLimiter limiter, long maxWaitMs, LongSupplier nanoClock, Sleeper sleeper) {
        long deadline = nanoClock.getAsLong() + TimeUnit.MILLISECONDS.toNanos(Math.max(0, maxWaitMs));
        while (true) {
            long waitMs = limiter.tryTake();
            if (waitMs <= 0) {
                return true;
            }
            long remainingMs = TimeUnit.NANOSECONDS.toMillis(deadline - nanoClock.getAsLong());
            if (waitMs > remainingMs) {
                return false;
            }
            try {
                sleeper.sleep(Math.min(waitMs, MAX_STEP_MS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
