package hub.gtc.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LocalTokenBucketTest {

    private final FakeClock clock = new FakeClock();

    @Test
    void givesTheBurstAtOnceThenRefillsAtTheRate() {
        LocalTokenBucket bucket = new LocalTokenBucket(10, 5, clock::nanos, clock::sleep);

        for (int i = 0; i < 5; i++) {
            assertThat(bucket.tryAcquire()).as("token %d of the burst", i + 1).isTrue();
        }
        assertThat(bucket.tryTake()).isEqualTo(100);
        clock.advanceMillis(99);
        assertThat(bucket.tryTake()).isEqualTo(1);
        clock.advanceMillis(1);
        assertThat(bucket.tryAcquire()).isTrue();
        assertThat(bucket.tryAcquire()).isFalse();

        clock.advanceMillis(300);
        assertThat(countAvailable(bucket)).isEqualTo(3);
    }

    @Test
    void neverHoldsMoreThanTheBurst() {
        LocalTokenBucket bucket = new LocalTokenBucket(10, 5, clock::nanos, clock::sleep);
        countAvailable(bucket);

        clock.advanceMillis(60_000);

        assertThat(countAvailable(bucket)).isEqualTo(5);
    }

    @Test
    void accumulatesFractionsOfATokenExactly() {
        LocalTokenBucket bucket = new LocalTokenBucket(3, 1, clock::nanos, clock::sleep);
        assertThat(bucket.tryAcquire()).isTrue();

        clock.advanceMillis(333);
        assertThat(bucket.tryTake()).isEqualTo(1);
        clock.advanceMillis(1);
        assertThat(bucket.tryAcquire()).isTrue();
    }

    @Test
    void acquireWaitsInSmallStepsForTheNextToken() {
        LocalTokenBucket bucket = new LocalTokenBucket(5, 1, clock::nanos, clock::sleep);
        assertThat(bucket.tryAcquire()).isTrue();

        assertThat(bucket.acquire(250)).isTrue();

        assertThat(clock.sleeps).allSatisfy(ms -> assertThat(ms).isBetween(1L, TokenWait.MAX_STEP_MS));
        assertThat(clock.sleeps.stream().mapToLong(Long::longValue).sum()).isEqualTo(200);
    }

    @Test
    void acquireGivesUpAtOnceWhenNoTokenCanComeInTime() {
        LocalTokenBucket bucket = new LocalTokenBucket(5, 1, clock::nanos, clock::sleep);
        assertThat(bucket.tryAcquire()).isTrue();

        assertThat(bucket.acquire(150)).isFalse();
        assertThat(bucket.acquire(0)).isFalse();

        assertThat(clock.sleeps).isEmpty();
    }

    @Test
    void acquireReturnsFalseAndKeepsTheFlagWhenInterrupted() {
        LocalTokenBucket bucket = new LocalTokenBucket(5, 1, clock::nanos, ms -> {
            throw new InterruptedException();
        });
        assertThat(bucket.tryAcquire()).isTrue();

        try {
            assertThat(bucket.acquire(1_000)).isFalse();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void concurrentCallersNeverGetMoreThanTheBucketHolds() throws Exception {
        LocalTokenBucket bucket = new LocalTokenBucket(0.001, 1000);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> granted = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                granted.add(pool.submit(() -> {
                    start.await();
                    int count = 0;
                    for (int i = 0; i < 500; i++) {
                        count += bucket.tryAcquire() ? 1 : 0;
                    }
                    return count;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> future : granted) {
                total += future.get(10, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(1000);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rejectsMeaninglessLimits() {
        assertThatThrownBy(() -> new LocalTokenBucket(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LocalTokenBucket(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LocalTokenBucket(10, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static int countAvailable(SmartSearchRateLimiter bucket) {
        int count = 0;
        while (bucket.tryAcquire()) {
            count++;
        }
        return count;
    }

    private static final class FakeClock {
        private long nanos = 123_456_789L;
        private final List<Long> sleeps = new ArrayList<>();

        long nanos() {
            return nanos;
        }

        void advanceMillis(long millis) {
            nanos += TimeUnit.MILLISECONDS.toNanos(millis);
        }

        void sleep(long millis) {
            sleeps.add(millis);
            advanceMillis(millis);
        }
    }
}
