package hub.config;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Creates the PostgreSQL database of {@code spring.datasource.url} on first start when it does not exist yet, so
 * that the {@code local} profile can keep its data in a database of its own ({@code compliance_hub_local}) beside
 * the tests' {@code test} without a manual step. Only with {@code hub.datasource.create-database=true}; it connects
 * to the server's maintenance database {@code postgres} with the same user. Runs before the pool and Flyway: the
 * {@link DataSourceProperties} bean is created (and so the database) before the DataSource that reads it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hub.datasource.create-database", havingValue = "true")
class DatabaseCreator {

    private static final Logger log = LoggerFactory.getLogger(DatabaseCreator.class);
    private static final Pattern POSTGRES_URL = Pattern.compile("jdbc:postgresql://([^/?]+)/([A-Za-z0-9_]+)(\\?.*)?");

    @Bean
    static BeanPostProcessor createDatabaseBeforeThePool() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof DataSourceProperties properties) {
                    ensureExists(properties.getUrl(), properties.getUsername(), properties.getPassword());
                }
                return bean;
            }
        };
    }

    /** Creates the database named in {@code url} unless it exists; a URL that is not PostgreSQL's is left alone. */
    static boolean ensureExists(String url, String user, String password) {
        Matcher m = url == null ? null : POSTGRES_URL.matcher(url);
        if (m == null || !m.matches()) {
            return false;
        }
        String database = m.group(2);
        String maintenance = "jdbc:postgresql://" + m.group(1) + "/postgres";
        try (Connection c = DriverManager.getConnection(maintenance, user, password == null ? "" : password);
             PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet r = exists.executeQuery()) {
                if (r.next()) {
                    return false;
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("CREATE DATABASE \"" + database + "\"");
            }
            log.info("Created the database {} on {} (hub.datasource.create-database)", database, m.group(1));
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database " + database + " on " + m.group(1)
                    + " (hub.datasource.create-database=true): " + e.getMessage(), e);
        }
    }
}
