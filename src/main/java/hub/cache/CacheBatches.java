package hub.cache;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.component.redis.RedisEndpoint;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.SessionCallback;
import org.springframework.stereotype.Component;

/**
 * Many cache entries in one round trip, for the routes {@code cache-get-all} and {@code cache-put-all}: the keys with
 * {@code hub.cache.key-prefix} in front, the answers of Caffeine's GET_ALL (a map of the entries present) and Redis's
 * MGET (a list in the keys' order) brought to one shape, and the writes to Redis pipelined, since Redis has no
 * command that sets many keys with an expiry each.
 */
@Component("cacheBatches")
public class CacheBatches {

    private final CamelContext camel;
    private final String prefix;

    public CacheBatches(CamelContext camel, @Value("${hub.cache.key-prefix:}") String prefix) {
        this.camel = camel;
        this.prefix = prefix;
    }

    /** The keys as the cache holds them, in order (Redis's MGET). */
    public List<String> stored(List<String> keys) {
        List<String> stored = new ArrayList<>(keys.size());
        keys.forEach(key -> stored.add(prefix + key));
        return stored;
    }

    /** The same as a set (Caffeine's GET_ALL). */
    public LinkedHashSet<String> storedSet(List<String> keys) {
        return new LinkedHashSet<>(stored(keys));
    }

    /**
     * The values of {@code keys} in their order, null where the cache has none: from the map of the entries present
     * (Caffeine) or the list in the keys' order (Redis).
     */
    public List<Object> inKeyOrder(List<String> keys, Object answer) {
        if (answer instanceof List<?> list && list.size() == keys.size()) {
            return new ArrayList<>(list);
        }
        Map<?, ?> present = answer instanceof Map<?, ?> map ? map : Map.of();
        List<Object> values = new ArrayList<>(keys.size());
        keys.forEach(key -> values.add(present.get(prefix + key)));
        return values;
    }

    /** Every key a miss: the answer when the cache is down. */
    public List<Object> misses(List<String> keys) {
        return new ArrayList<>(Collections.nCopies(keys.size(), null));
    }

    /** The entries under their stored keys (Caffeine's PUT_ALL). */
    public Map<String, Object> storedEntries(Map<String, ?> entries) {
        Map<String, Object> stored = new LinkedHashMap<>();
        entries.forEach((key, value) -> stored.put(prefix + key, value));
        return stored;
    }

    /** Writes the entries to the Redis endpoint {@code uri}, each with the expiry, in one pipelined round trip. */
    public void putAllToRedis(String uri, Map<String, ?> entries, long ttlSeconds) {
        RedisEndpoint endpoint = camel.getEndpoint(uri, RedisEndpoint.class);
        if (endpoint == null) {
            throw new IllegalArgumentException("Not a Redis endpoint: " + uri);
        }
        @SuppressWarnings("unchecked")
        RedisTemplate<Object, Object> template = (RedisTemplate<Object, Object>) endpoint.getConfiguration().getRedisTemplate();
        Map<String, Object> stored = storedEntries(entries);
        template.executePipelined(new SessionCallback<Object>() {
            @Override
            @SuppressWarnings("unchecked")
            public <K, V> Object execute(RedisOperations<K, V> operations) throws DataAccessException {
                RedisOperations<Object, Object> redis = (RedisOperations<Object, Object>) operations;
                stored.forEach((key, value) -> redis.opsForValue().set(key, value, ttlSeconds, TimeUnit.SECONDS));
                return null;
            }
        });
    }
}
