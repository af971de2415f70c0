package hub.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.time.Duration;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The region's read replica: a second, read-only connection pool for the read paths (job status on a cache miss,
 * results, batch views, usage), bound in Camel's registry as {@code readDataSource} for the {@code sql:} endpoints
 * of those routes ({@code ?dataSource=#readDataSource}). Writes, claims and the recovery sweep keep the primary
 * ({@code spring.datasource.*}). Without {@code hub.datasource.replica.url} (the default) {@code readDataSource} is
 * the primary itself. The pool is not a Spring {@link DataSource} bean, so Spring Boot's own DataSource, Flyway
 * and the {@code db} health indicator stay on the primary.
 */
@Configuration(proxyBeanMethods = false)
public class ReadReplicaConfig {

    /** The replica's pool, or null without a replica; closed with the context. */
    static final class ReplicaPool implements DisposableBean {

        final HikariDataSource pool;

        ReplicaPool(HikariDataSource pool) {
            this.pool = pool;
        }

        @Override
        public void destroy() {
            if (pool != null) {
                pool.close();
            }
        }
    }

    @Bean
    ReplicaPool readReplicaPool(@Value("${hub.datasource.replica.url:}") String url,
                                @Value("${spring.datasource.url:}") String primaryUrl,
                                @Value("${hub.datasource.replica.username:${spring.datasource.username:}}") String user,
                                @Value("${hub.datasource.replica.password:${spring.datasource.password:}}") String password,
                                @Value("${hub.datasource.replica.pool-size:10}") int poolSize,
                                MeterRegistry meters) {
        // The primary region sets its replica secret to the primary's own URL: that is no replica.
        if (url == null || url.isBlank() || url.equals(primaryUrl)) {
            return new ReplicaPool(null);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (!user.isBlank()) {
            config.setUsername(user);
        }
        if (!password.isBlank()) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(poolSize);
        config.setReadOnly(true);
        config.setPoolName("read-replica");
        // Not a Spring DataSource bean, so Spring Boot does not bind its meters: hikaricp_*{pool="read-replica"}.
        config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters));
        // Like the primary: the hub starts, and reports the replica unhealthy, while the replica is down.
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(2_000);
        return new ReplicaPool(new HikariDataSource(config));
    }

    @Bean
    ReadRouting readRouting(ReplicaPool replica, MeterRegistry meters,
                            @Value("${hub.datasource.replica.remember-seconds:600}") long rememberSeconds) {
        return new ReadRouting(replica.pool != null, Duration.ofSeconds(rememberSeconds), 100_000, meters);
    }

    @Bean
    CamelContextConfiguration readDataSourceBinding(ReplicaPool replica, DataSource primary) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
                camel.getRegistry().bind("readDataSource", DataSource.class,
                        replica.pool != null ? replica.pool : primary);
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {
            }
        };
    }

    /**
     * {@code readReplica}: the database this instance reads from answers (the replica, or the primary without one).
     * A region that reads from a replica can put it into the readiness group in place of {@code db}, so that it
     * stays in rotation for reads while the primary of the other region is down (docs/disaster-recovery.md).
     */
    @Bean("readReplicaHealthIndicator")
    HealthIndicator readReplicaHealth(ReplicaPool replica, DataSource primary,
                                      @Value("${hub.health.timeout-ms:2000}") long timeoutMs) {
        return () -> {
            DataSource source = replica.pool != null ? replica.pool : primary;
            try (Connection c = source.getConnection()) {
                boolean valid = c.isValid((int) Math.max(1, timeoutMs / 1000));
                return (valid ? Health.up() : Health.down())
                        .withDetail("source", replica.pool != null ? "replica" : "primary").build();
            } catch (Exception e) {
                return Health.down().withDetail("source", replica.pool != null ? "replica" : "primary")
                        .withDetail("error", e.getClass().getSimpleName()).build();
            }
        };
    }
}
