package hub.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs against the real Redis on 127.0.0.1:6379, under a key prefix of its own per test. */
class StatusNearCacheTest {

    private final String prefix = "test-" + UUID.randomUUID() + ":";
    private final String key = "job:status:t:s:" + UUID.randomUUID();
    private RedisClient client;
    private StatefulRedisConnection<String, String> writerConnection;
    private RedisCommands<String, String> writer;
    private StatusNearCache near;

    @BeforeEach
    void connect() {
        client = RedisClient.create("redis://127.0.0.1:6379");
        writerConnection = client.connect();
        writer = writerConnection.sync();
        near = new StatusNearCache(client, prefix, "job:status:", 1000, Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(10)).until(near::tracking);
    }

    @AfterEach
    void close() {
        near.close();
        writer.del(prefix + key);
        writerConnection.close();
        client.shutdown();
    }

    @Test
    void keepsWhatItReadUntilAnyConnectionWritesTheKey() {
        writer.set(prefix + key, "{\"status\":\"QUEUED\"}");
        // The first reads may come before the write's invalidation and keep nothing; a later one keeps the answer.
        await().atMost(Duration.ofSeconds(5)).until(() -> readThrough() != null && near.get(key) != null);

        assertThat(near.get(key)).isEqualTo("{\"status\":\"QUEUED\"}");

        writer.set(prefix + key, "{\"status\":\"RUNNING\"}");

        await().atMost(Duration.ofSeconds(5)).until(() -> near.get(key) == null);
    }

    @Test
    void dropsTheCopyWhenTheKeyExpiresOrIsDeleted() {
        writer.set(prefix + key, "a");
        await().atMost(Duration.ofSeconds(5)).until(() -> readThrough() != null && "a".equals(near.get(key)));
        writer.pexpire(prefix + key, 50);

        await().atMost(Duration.ofSeconds(5)).until(() -> {
            writer.exists(prefix + key); // an expired key is removed when it is looked at, or by Redis's cycle
            return near.get(key) == null;
        });

        writer.set(prefix + key, "b");
        await().atMost(Duration.ofSeconds(5)).until(() -> readThrough() != null && "b".equals(near.get(key)));
        writer.del(prefix + key);
        await().atMost(Duration.ofSeconds(5)).until(() -> near.get(key) == null);
    }

    @Test
    void doesNotKeepAnAnswerThatAWriteOvertook() {
        writer.set(prefix + key, "old");
        long ticket = near.ticket(key);
        String answer = writer.get(prefix + key);
        writer.set(prefix + key, "new");
        await().atMost(Duration.ofSeconds(5)).until(() -> near.ticket(key) != ticket);

        near.remember(key, ticket, answer);

        assertThat(near.get(key)).isNull();
        near.remember(key, near.ticket(key), "new");
        assertThat(near.get(key)).isEqualTo("new");
    }

    @Test
    void ignoresKeysOutsideItsPrefixAndReadsThatFoundNothing() {
        near.remember(key, near.ticket(key), null);
        assertThat(near.size()).isZero();

        near.remember(key, near.ticket(key), "kept");
        writer.set(prefix + "job:result:" + key, "other");
        writer.set("other-" + prefix + key, "other");
        writer.del(prefix + "job:result:" + key, "other-" + prefix + key);

        assertThat(near.get(key)).isEqualTo("kept");
    }

    @Test
    void emptiesWhenItsConnectionDropsAndTracksAgainAfterTheReconnect() {
        near.remember(key, near.ticket(key), "before");
        assertThat(near.get(key)).isEqualTo("before");
        long ticket = near.ticket(key);

        writer.clientKill(io.lettuce.core.KillArgs.Builder.id(near.connectionId()));
        // The copy is gone at once, unused until tracking is on again, and a ticket of before the drop is void.
        await().atMost(Duration.ofSeconds(10)).until(() -> near.size() == 0);
        await().atMost(Duration.ofSeconds(10)).until(near::tracking);
        near.remember(key, ticket, "stale");
        assertThat(near.get(key)).isNull();

        near.remember(key, near.ticket(key), "after");
        assertThat(near.get(key)).isEqualTo("after");
        writer.set(prefix + key, "written");
        await().atMost(Duration.ofSeconds(5)).until(() -> near.get(key) == null);
    }

    /** What status-cache-get does on a miss: a ticket, the read, then the answer remembered. */
    private String readThrough() {
        long ticket = near.ticket(key);
        String answer = writer.get(prefix + key);
        near.remember(key, ticket, answer);
        return answer;
    }

    @Test
    void staysOffForGoodWhenRedisRefusesTracking() throws Exception {
        String user = "near-cache-test-" + UUID.randomUUID();
        writer.aclSetuser(user, io.lettuce.core.AclSetuserArgs.Builder.on().nopass().allKeys().allCommands()
                .removeCommand(io.lettuce.core.protocol.CommandType.CLIENT));
        RedisClient refusing = RedisClient.create(io.lettuce.core.RedisURI.Builder.redis("127.0.0.1", 6379)
                .withAuthentication(user, "unused").build());
        try (StatusNearCache refused = new StatusNearCache(refusing, prefix, "job:status:", 1000, Duration.ofSeconds(30))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> refused.state() == StatusNearCache.State.REFUSED);
            refused.remember(key, refused.ticket(key), "x");

            assertThat(refused.tracking()).isFalse();
            assertThat(refused.get(key)).isNull();
        } finally {
            writer.aclDeluser(user);
            refusing.shutdown();
        }
    }

    @Test
    void waitsAndTriesAgainWhileRedisCannotBeReached() {
        RedisClient unreachable = RedisClient.create("redis://127.0.0.1:9");
        try (StatusNearCache waiting = new StatusNearCache(unreachable, prefix, "job:status:", 1000,
                Duration.ofSeconds(30))) {
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                    .until(() -> waiting.state() == StatusNearCache.State.WAITING);
            waiting.remember(key, waiting.ticket(key), "x");
            assertThat(waiting.get(key)).isNull();
            waiting.close();
            assertThat(waiting.state()).isEqualTo(StatusNearCache.State.OFF);
        } finally {
            unreachable.shutdown();
        }
    }

    @Test
    void saysWhyInItsState() {
        assertThat(near.state()).isEqualTo(StatusNearCache.State.TRACKING);
        assertThat(near.state().json()).isEqualTo("tracking");
        assertThat(StatusNearCache.off().state().json()).isEqualTo("off");

        near.close();
        assertThat(near.state()).as("closed").isEqualTo(StatusNearCache.State.OFF);
    }

    @Test
    void offKeepsNothing() {
        StatusNearCache off = StatusNearCache.off();
        off.remember(key, off.ticket(key), "x");

        assertThat(off.ticket(key)).isEqualTo(StatusNearCache.NO_TICKET);
        assertThat(off.get(key)).isNull();
        assertThat(off.tracking()).isFalse();
        assertThat(off.state()).isEqualTo(StatusNearCache.State.OFF);
        off.close();
    }
}
