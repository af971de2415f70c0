package hub.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import routes.RouteTestKit;

/**
 * The routes cache-get-all and cache-put-all on Caffeine and on the real Redis (127.0.0.1:6379): what one writes in
 * one round trip the other reads back in the keys' order, under the same prefixed keys as the single-entry routes
 * cache-get and cache-put, with the expiry on every Redis key; with Redis down, every key is a miss and a write is
 * only logged.
 */
class CacheBatchRoutesTest {

    private static final String CAFFEINE = "caffeine-cache://batches?evictionType=TIME_BASED&expireAfterWriteTime=60";
    private static final String REDIS = "spring-redis://127.0.0.1:6379?redisTemplate=#stringRedisTemplate";
    private static final String REDIS_DOWN = "spring-redis://127.0.0.1:1?redisTemplate=#downRedisTemplate";

    private final String prefix = "cache-batch-test-" + UUID.randomUUID() + ":";
    private final RouteTestKit kit = new RouteTestKit();
    private final List<LettuceConnectionFactory> factories = new ArrayList<>();
    private StringRedisTemplate redis;

    @AfterEach
    void stop() {
        if (redis != null) {
            redis.delete(redis.keys(prefix + "*"));
        }
        kit.close();
        factories.forEach(LettuceConnectionFactory::destroy);
    }

    private CamelContext start() throws Exception {
        redis = template(6379);
        kit.routes("cache-get-all", "cache-put-all", "cache-get", "cache-put")
                .property("hub.cache.key-prefix", prefix)
                .bean("stringRedisTemplate", redis)
                .bean("downRedisTemplate", template(1));
        kit.bean("cacheBatches", new CacheBatches(kit.camel(), prefix));
        return kit.start();
    }

    @ParameterizedTest
    @ValueSource(strings = {CAFFEINE, REDIS})
    void whatOneRoundTripStoresTheOtherReadsBackInTheKeysOrder(String uri) throws Exception {
        CamelContext camel = start();
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("a", "{\"verdict\":\"PASS\"}");
        entries.put("b", "{\"verdict\":\"FAIL\"}");
        putAll(camel, uri, entries);

        assertThat(getAll(camel, uri, List.of("b", "missing", "a"))).containsExactly(
                "{\"verdict\":\"FAIL\"}", null, "{\"verdict\":\"PASS\"}");
        Exchange single = exchange(camel, uri);
        single.setProperty("cacheKey", "a");
        assertThat(camel.createProducerTemplate().send("direct:cache-get", single).getMessage().getBody())
                .as("the single-entry route reads the same key").isEqualTo("{\"verdict\":\"PASS\"}");
    }

    @Test
    void everyRedisKeyHasTheExpiry() throws Exception {
        CamelContext camel = start();
        putAll(camel, REDIS, Map.of("a", "1", "b", "2"));

        for (String key : List.of("a", "b")) {
            assertThat(redis.getExpire(prefix + key)).as(key).isBetween(3590L, 3600L);
        }
    }

    @Test
    void withRedisDownEveryKeyIsAMissAndAWriteIsOnlyLogged() throws Exception {
        CamelContext camel = start();

        Exchange put = putAll(camel, REDIS_DOWN, Map.of("a", "1"));

        assertThat(put.getException()).isNull();
        assertThat(getAll(camel, REDIS_DOWN, List.of("a", "b"))).containsExactly(null, null);
    }

    private Exchange putAll(CamelContext camel, String uri, Map<String, String> entries) {
        Exchange put = exchange(camel, uri);
        put.setProperty("cacheTtlSeconds", "3600");
        put.getMessage().setBody(entries);
        return camel.createProducerTemplate().send("direct:cache-put-all", put);
    }

    private List<Object> getAll(CamelContext camel, String uri, List<String> keys) {
        Exchange get = exchange(camel, uri);
        get.setProperty("cacheKeys", keys);
        Exchange done = camel.createProducerTemplate().send("direct:cache-get-all", get);
        assertThat(done.getException()).isNull();
        @SuppressWarnings("unchecked")
        List<Object> values = done.getMessage().getBody(List.class);
        return values;
    }

    private static Exchange exchange(CamelContext camel, String uri) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.setProperty("cacheUri", uri);
        return exchange;
    }

    private StringRedisTemplate template(int port) {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(1)).build());
        factory.afterPropertiesSet();
        factory.start();
        factories.add(factory);
        StringRedisTemplate template = new StringRedisTemplate(factory);
        template.afterPropertiesSet();
        return template;
    }
}
