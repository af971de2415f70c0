package hub.gtc.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/** Runs against the real Redis on 127.0.0.1:6379, with a fresh bucket name per test. */
class RedisTokenBucketTest {

    private final String name = "test-" + UUID.randomUUID();
    private final List<LettuceConnectionFactory> factories = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        template(6379).delete(RedisTokenBucket.KEY_PREFIX + name);
        factories.forEach(LettuceConnectionFactory::destroy);
    }

    @Test
    void givesTheBurstThenTellsHowLongToWait() {
        RedisTokenBucket bucket = new RedisTokenBucket(template(6379), name, 2, 3, new LocalTokenBucket(2, 3));

        assertThat(bucket.tryAcquire()).isTrue();
        assertThat(bucket.tryAcquire()).isTrue();
        assertThat(bucket.tryAcquire()).isTrue();
        assertThat(bucket.tryTake()).isBetween(1L, 500L);
        assertThat(bucket.fallingBack()).isFalse();
        assertThat(bucket.key()).isEqualTo("gtc:ratelimit:" + name);
    }

    @Test
    void takesSeveralTokensInOneCallAndWaitsAsOneTokenWould() {
        RedisTokenBucket bucket = new RedisTokenBucket(template(6379), name, 2, 5, new LocalTokenBucket(2, 5));

        assertThat(RedisTokenBucket.LUA_UP_TO).contains("taken = math.min(tonumber(ARGV[4])").contains("return -wait");
        assertThat(bucket.tryTakeUpTo(3)).isEqualTo(3);
        assertThat(bucket.tryTakeUpTo(3)).isEqualTo(2);
        assertThat(bucket.tryTakeUpTo(3)).isBetween(-500L, -1L);
        assertThat(bucket.tryTake()).isBetween(1L, 500L);
    }

    @Test
    void leasesHandOutNoMoreThanTheSharedBucketGave() {
        RedisTokenBucket shared = new RedisTokenBucket(template(6379), name, 1, 10, new LocalTokenBucket(1, 10));
        long[] now = {0};
        LeasedTokenBucket leased = new LeasedTokenBucket(shared, 4, 100, () -> now[0]);

        int granted = 0;
        for (int i = 0; i < 20; i++) {
            if (leased.tryTake() == 0) {
                granted++;
            }
        }
        // 10 tokens in the bucket: leases of 4, 4 and 2, then a wait.
        assertThat(granted).isEqualTo(10);
        assertThat(leased.tryTake()).isBetween(1L, 1000L);
        assertThat(LeasedTokenBucket.leaseTokens(20, 40, 100)).isEqualTo(2);
        assertThat(LeasedTokenBucket.leaseTokens(1_000_000, 1_000_000, 100)).isEqualTo(100_000);
        assertThat(LeasedTokenBucket.leaseTokens(1, 1, 100)).isEqualTo(1);
    }

    @Test
    void concurrentCallersShareLeasesWithoutLosingOrDoublingAToken() throws Exception {
        // 1,000 tokens and no refill worth a token during the test; the clock stands, so no lease ends early.
        RedisTokenBucket shared = new RedisTokenBucket(template(6379), name, 0.001, 1000, new LocalTokenBucket(0.001, 1000));
        LeasedTokenBucket leased = new LeasedTokenBucket(shared, 7, 100, () -> 1L);
        java.util.concurrent.atomic.AtomicInteger granted = new java.util.concurrent.atomic.AtomicInteger();

        var threads = java.util.concurrent.Executors.newFixedThreadPool(16);
        var start = new java.util.concurrent.CountDownLatch(1);
        for (int t = 0; t < 16; t++) {
            threads.submit(() -> {
                start.await();
                for (int i = 0; i < 100; i++) {
                    if (leased.tryTake() == 0) {
                        granted.incrementAndGet();
                    }
                }
                return null;
            });
        }
        start.countDown();
        threads.shutdown();
        assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(granted.get()).as("every token the shared bucket gave, handed out once").isEqualTo(1000);
        assertThat(leased.tryTake()).isPositive();
    }

    @Test
    void anUnspentLeaseEndsAfterItsTime() {
        RedisTokenBucket shared = new RedisTokenBucket(template(6379), name, 1, 10, new LocalTokenBucket(1, 10));
        long[] now = {0};
        LeasedTokenBucket leased = new LeasedTokenBucket(shared, 5, 100, () -> now[0]);

        assertThat(leased.tryTake()).isZero();
        now[0] += 100_000_000L;
        // The rest of the first lease (4) is dropped; the next call leases the shared bucket's other 5.
        assertThat(leased.tryTake()).isZero();
        assertThat(Double.parseDouble(template(6379).opsForHash().get(shared.key(), "tokens").toString())).isLessThan(1);
    }

    @Test
    void idleBucketsExpire() {
        StringRedisTemplate redis = template(6379);
        RedisTokenBucket bucket = new RedisTokenBucket(redis, name, 1000, 1, new LocalTokenBucket(1000, 1));

        assertThat(bucket.tryAcquire()).isTrue();
        Long ttlMs = redis.getExpire(bucket.key(), TimeUnit.MILLISECONDS);
        assertThat(ttlMs).isBetween(1L, RedisTokenBucket.expiryMs(1000, 1));

        await().atMost(Duration.ofSeconds(5)).until(() -> !Boolean.TRUE.equals(redis.hasKey(bucket.key())));
        assertThat(bucket.tryAcquire()).isTrue();
    }

    @Test
    void twoHubClientsTogetherNeverExceedTheSharedLimit() throws Exception {
        double rate = 50;
        int burst = 20;
        StringRedisTemplate first = template(6379);
        StringRedisTemplate second = template(6379);
        warmUp(first);
        warmUp(second);
        List<RedisTokenBucket> clients = List.of(
                new RedisTokenBucket(first, name, rate, burst, new LocalTokenBucket(rate, burst)),
                new RedisTokenBucket(second, name, rate, burst, new LocalTokenBucket(rate, burst)));
        int threadsPerClient = 4;
        ExecutorService pool = Executors.newFixedThreadPool(clients.size() * threadsPerClient);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> granted = new ArrayList<>();
        long runNanos = TimeUnit.MILLISECONDS.toNanos(2_000);
        try {
            for (RedisTokenBucket client : clients) {
                for (int t = 0; t < threadsPerClient; t++) {
                    granted.add(pool.submit(() -> {
                        start.await();
                        long end = System.nanoTime() + runNanos;
                        int count = 0;
                        while (System.nanoTime() < end) {
                            count += client.acquire(100) ? 1 : 0;
                        }
                        return count;
                    }));
                }
            }
            long begin = System.nanoTime();
            start.countDown();
            int[] perClient = new int[clients.size()];
            for (int i = 0; i < granted.size(); i++) {
                perClient[i / threadsPerClient] += granted.get(i).get(10, TimeUnit.SECONDS);
            }
            double elapsedSeconds = (System.nanoTime() - begin) / 1e9;

            int total = perClient[0] + perClient[1];
            double allowed = burst + rate * elapsedSeconds;
            assertThat(total).as("granted in %.2f s (allowed %.1f)", elapsedSeconds, allowed)
                    .isLessThanOrEqualTo((int) Math.floor(allowed) + 1)
                    .isGreaterThanOrEqualTo((int) (0.8 * allowed));
            assertThat(perClient[0]).as("first client").isPositive();
            assertThat(perClient[1]).as("second client").isPositive();
            assertThat(clients).noneMatch(RedisTokenBucket::fallingBack);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unreachableRedisFallsBackToTheLocalBucketWithoutThrowing() {
        RedisTokenBucket bucket = new RedisTokenBucket(template(1), name, 1, 2, new LocalTokenBucket(1, 2));

        long begin = System.nanoTime();
        assertThat(bucket.tryAcquire()).isTrue();
        assertThat(bucket.tryAcquire()).isTrue();
        assertThat(bucket.tryAcquire()).isFalse();
        assertThat(bucket.acquire(20)).isFalse();

        assertThat(bucket.fallingBack()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void returnsToRedisOnceItIsReachableAgain() {
        AtomicBoolean redisDown = new AtomicBoolean(true);
        StringRedisTemplate flaky = new StringRedisTemplate(factory(6379)) {
            @Override
            public <T> T execute(RedisScript<T> script, List<String> keys, Object... args) {
                if (redisDown.get()) {
                    throw new org.springframework.data.redis.RedisConnectionFailureException("simulated outage");
                }
                return super.execute(script, keys, args);
            }
        };
        LocalTokenBucket fallback = new LocalTokenBucket(0.001, 1);
        RedisTokenBucket bucket = new RedisTokenBucket(flaky, name, 0.001, 3, fallback, Duration.ZERO);

        assertThat(bucket.tryAcquire()).isTrue();
        assertThat(bucket.tryAcquire()).as("the fallback bucket holds one token").isFalse();
        assertThat(bucket.fallingBack()).isTrue();

        redisDown.set(false);
        assertThat(bucket.tryAcquire()).isTrue();
        assertThat(bucket.fallingBack()).isFalse();
        assertThat(bucket.tryAcquire()).isTrue();
        assertThat(bucket.tryAcquire()).isTrue();
        assertThat(bucket.tryAcquire()).as("the shared bucket holds three tokens").isFalse();
    }

    /** Connects and loads the script outside the measured time, on a key of its own. */
    private void warmUp(StringRedisTemplate redis) {
        String warmUpName = name + "-warm-up";
        RedisTokenBucket warmUp = new RedisTokenBucket(redis, warmUpName, 1, 1, new LocalTokenBucket(1, 1));
        assertThat(warmUp.tryAcquire()).isTrue();
        assertThat(warmUp.fallingBack()).isFalse();
        redis.delete(warmUp.key());
    }

    private StringRedisTemplate template(int port) {
        return new StringRedisTemplate(factory(port));
    }

    private LettuceConnectionFactory factory(int port) {
        LettuceClientConfiguration client = LettuceClientConfiguration.builder()
                .commandTimeout(Duration.ofSeconds(1))
                .build();
        LettuceConnectionFactory factory =
                new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port), client);
        factory.afterPropertiesSet();
        factory.start();
        factories.add(factory);
        return factory;
    }
}
