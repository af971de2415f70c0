package hub.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.TrackingArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.push.PushMessage;
import io.lettuce.core.codec.StringCodec;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's own copy of the job status documents it read from Redis, so that a client polling a job is answered
 * without a round trip. Redis keeps it true: a connection of its own has client-side caching on in broadcasting mode
 * for the status keys' prefix ({@code CLIENT TRACKING ON BCAST PREFIX}), and Redis sends it an invalidation for every
 * write, expiry or flush of a status key, whichever instance wrote it. The copy drops the key.
 *
 * <p>A read that missed takes a {@link #ticket} before its {@code GET} and {@link #remember}s the answer only when no
 * invalidation of the key came in between, so an answer older than a write never outlives that write's invalidation.
 * While the tracking connection is down (and until tracking is on again after a reconnect), the copy is empty and
 * unused: every read goes to Redis. A copy is kept at most {@code maxAge} in any case, the bound for an invalidation
 * lost with a connection nobody has yet seen fail.
 */
public final class StatusNearCache implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StatusNearCache.class);
    private static final int STRIPES = 1024;
    /** The ticket of a read that must not be remembered. */
    static final long NO_TICKET = -1;

    private final String redisKeyPrefix;
    private final String trackedPrefix;
    private final Cache<String, String> copies;
    /** Invalidations seen per stripe of keys: a read remembers its answer only if its stripe's count did not move. */
    private final AtomicLongArray generations = new AtomicLongArray(STRIPES);
    private final RedisClient client;
    private final ScheduledExecutorService connector;
    private volatile StatefulRedisConnection<String, String> connection;
    private volatile State state = State.WAITING;
    private volatile boolean closed;

    /** Whether the copy is kept, and why not: the health endpoint's {@code nearCache} detail. */
    public enum State {
        /** Redis sends this copy its invalidations: reads are answered from it. */
        TRACKING,
        /** Not yet, or no longer, tracking: connecting (again every 30 s), or waiting for Lettuce's reconnect. */
        WAITING,
        /** Redis refused {@code CLIENT TRACKING} (before 6.0, a proxy without the command): off for good. */
        REFUSED,
        /** Configured off, or closed. */
        OFF;

        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * @param client         the Redis client to open the tracking connection with (its default URI)
     * @param redisKeyPrefix what the hub puts before every cache key ({@code hub.cache.key-prefix})
     * @param keyPrefix      the cache keys this copy holds, without the hub's prefix ({@code job:status:})
     */
    public StatusNearCache(RedisClient client, String redisKeyPrefix, String keyPrefix, long maximumSize,
                           Duration maxAge) {
        this.client = client;
        this.redisKeyPrefix = redisKeyPrefix;
        this.trackedPrefix = redisKeyPrefix + keyPrefix;
        this.copies = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(maxAge).recordStats().build();
        this.connector = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "status-near-cache");
            thread.setDaemon(true);
            return thread;
        });
        client.addListener(new ConnectionStates());
        connector.execute(this::connect);
    }

    private StatusNearCache() {
        this.client = null;
        this.connector = null;
        this.redisKeyPrefix = "";
        this.trackedPrefix = "";
        this.copies = Caffeine.newBuilder().maximumSize(0).build();
        this.state = State.OFF;
    }

    /** No copy: every read goes to the status cache (the embedded default's is in process already). */
    public static StatusNearCache off() {
        return new StatusNearCache();
    }

    /** The copy of the document under a cache key (without the hub's prefix), or null. */
    public String get(String cacheKey) {
        return tracking() ? copies.getIfPresent(redisKeyPrefix + cacheKey) : null;
    }

    /** To take before reading the key from Redis; {@link #NO_TICKET} while the copy is not kept true. */
    public long ticket(String cacheKey) {
        return tracking() ? generations.get(stripe(redisKeyPrefix + cacheKey)) : NO_TICKET;
    }

    /** Keeps what Redis answered for the key, unless the key was invalidated since the ticket was taken. */
    public void remember(String cacheKey, long ticket, String document) {
        if (ticket == NO_TICKET || document == null) {
            return;
        }
        String key = redisKeyPrefix + cacheKey;
        int stripe = stripe(key);
        // An invalidation counts its stripe up before it removes the key, and the removal waits for this compute:
        // either the count moved and nothing is kept, or the removal comes after and removes it.
        copies.asMap().compute(key, (k, previous) ->
                tracking() && generations.get(stripe) == ticket ? document : previous);
    }

    /** The copies, for their meters. */
    Cache<String, String> copies() {
        return copies;
    }

    /** Whether Redis is sending this copy its invalidations. */
    public boolean tracking() {
        return state == State.TRACKING;
    }

    public State state() {
        return state;
    }

    /** The tracking connection's id on the Redis server. */
    long connectionId() {
        return connection.sync().clientId();
    }

    long size() {
        copies.cleanUp();
        return copies.estimatedSize();
    }

    void invalidate(String redisKey) {
        generations.incrementAndGet(stripe(redisKey));
        copies.invalidate(redisKey);
    }

    void invalidateAll() {
        for (int i = 0; i < STRIPES; i++) {
            generations.incrementAndGet(i);
        }
        copies.invalidateAll();
    }

    private void connect() {
        if (closed) {
            return;
        }
        try {
            StatefulRedisConnection<String, String> opened = client.connect(StringCodec.UTF8);
            opened.addListener(this::onPush);
            connection = opened;
            opened.sync().clientTracking(trackingArgs());
            state = State.TRACKING;
            LOG.info("Status near cache on: Redis invalidates keys under {}", trackedPrefix);
        } catch (RuntimeException e) {
            StatefulRedisConnection<String, String> opened = connection;
            connection = null;
            if (opened != null) {
                opened.closeAsync();
            }
            if (e instanceof RedisCommandExecutionException) {
                // The server answered and refused (a Redis before 6.0, a proxy without the command): for good.
                state = State.REFUSED;
                LOG.warn("Status near cache off, every status read goes to Redis: Redis refused CLIENT TRACKING ({})",
                        e.getMessage());
                return;
            }
            LOG.warn("Status near cache off, status reads go to Redis: {}; trying again in 30 s", e.getMessage());
            connector.schedule(this::connect, 30, TimeUnit.SECONDS);
        }
    }

    private TrackingArgs trackingArgs() {
        return TrackingArgs.Builder.enabled().bcast().prefixes(trackedPrefix);
    }

    private void onPush(PushMessage message) {
        if (!"invalidate".equals(message.getType())) {
            return;
        }
        List<Object> content = message.getContent(StringCodec.UTF8::decodeKey);
        if (content.size() < 2 || !(content.get(1) instanceof List<?> keys)) {
            invalidateAll();
            return;
        }
        for (Object key : keys) {
            invalidate(String.valueOf(key));
        }
    }

    private static int stripe(String key) {
        return (key.hashCode() & Integer.MAX_VALUE) % STRIPES;
    }

    @Override
    public void close() {
        closed = true;
        state = State.OFF;
        if (connector != null) {
            connector.shutdownNow();
        }
        StatefulRedisConnection<String, String> opened = connection;
        if (opened != null) {
            opened.close();
        }
    }

    /** A lost connection loses its invalidations, and a new one starts without tracking: the copy is empty till it is on. */
    private final class ConnectionStates implements RedisConnectionStateListener {

        @Override
        public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
            if (handler == connection && !closed) {
                state = State.WAITING;
                invalidateAll();
            }
        }

        @Override
        public void onRedisConnected(RedisChannelHandler<?, ?> handler, SocketAddress address) {
            StatefulRedisConnection<String, String> opened = connection;
            if (handler != opened || closed) {
                return;
            }
            opened.async().clientTracking(trackingArgs()).whenComplete((ok, error) -> {
                if (error == null) {
                    invalidateAll();
                    state = State.TRACKING;
                } else {
                    if (error instanceof RedisCommandExecutionException) {
                        state = State.REFUSED;
                    }
                    LOG.warn("Status near cache stays off after a reconnect: {}", error.getMessage());
                }
            });
        }
    }
}
