package hub.gtc.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

class RateLimiterConfigTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(RateLimiterConfig.class);

    @Test
    void withoutRedisEachInstanceLimitsItself() {
        runner.withPropertyValues("hub.smart-search.rate-limit.per-second=7", "hub.smart-search.rate-limit.burst=9")
                .run(context -> {
                    SmartSearchRateLimiter limiter = context.getBean("smartSearchRateLimiter",
                            SmartSearchRateLimiter.class);
                    assertThat(limiter).isInstanceOf(LocalTokenBucket.class);
                    assertThat(((LocalTokenBucket) limiter).ratePerSecond()).isEqualTo(7);
                    assertThat(((LocalTokenBucket) limiter).burst()).isEqualTo(9);
                });
    }

    @Test
    void withARedisTemplateTheLimitIsShared() {
        LettuceConnectionFactory neverConnected =
                new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 1));
        runner.withBean("stringRedisTemplate", StringRedisTemplate.class, () -> new StringRedisTemplate(neverConnected))
                .withPropertyValues("hub.smart-search.rate-limit.name=gtc-test")
                .run(context -> {
                    SmartSearchRateLimiter limiter = context.getBean(SmartSearchRateLimiter.class);
                    assertThat(limiter).isInstanceOf(RedisTokenBucket.class);
                    assertThat(((RedisTokenBucket) limiter).key()).isEqualTo("gtc:ratelimit:gtc-test");
                });
    }
}
