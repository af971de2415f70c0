package hub.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The {@code local} profile as a developer runs it (without the tests' "it" profile): its database is created on
 * first start, and its Redis keys carry the "local:" prefix, so it never mixes its data with the tests'.
 */
class LocalProfileIT {

    private final String database = "compliance_hub_local_it_" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void dropDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    @Test
    void theLocalProfileCreatesItsOwnDatabaseAndPrefixesItsKeys() throws Exception {
        assertThat(databaseExists()).isFalse();
        try (RunningHub hub = RunningHub.start("local",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + database + "?currentSchema=compliance_hub",
                "--hub.instance-id=local-profile-it",
                "--hub.security.jwt.secret=" + TestTokens.SECRET)) {
            assertThat(databaseExists()).as("created on first start").isTrue();
            HubClient client = new HubClient(Integer.parseInt(hub.context().getEnvironment().getProperty("local.server.port"))).withToken(TestTokens.sign(TestTokens.SECRET,
                    TestTokens.claims(TestTokens.SUBJECT, TestTokens.TENANT, java.util.List.of()).build()));
            String jobId = client.submit(LocalServicesIT.submission("default", "Returns are not guaranteed."));
            client.awaitReport(jobId);

            LettuceConnectionFactory redis = new LettuceConnectionFactory("127.0.0.1", 6379);
            redis.afterPropertiesSet();
            try {
                StringRedisTemplate keys = new StringRedisTemplate(redis);
                assertThat(keys.keys("local:job:status:*" + jobId)).hasSize(1);
                assertThat(keys.keys("job:status:*" + jobId)).isEmpty();
            } finally {
                redis.destroy();
            }
        }
    }

    private boolean databaseExists() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
            return r.next();
        }
    }
}
