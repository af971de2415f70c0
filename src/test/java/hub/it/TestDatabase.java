package hub.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The integration tests' own schema in the local PostgreSQL, dropped once per test JVM so that jobs left by an
 * earlier run are not recovered (and sent to the fake LLM) in the middle of this one.
 */
final class TestDatabase {

    /** Overridable with -Dhub.it.schema=... so that two test runs on one machine do not share a schema. */
    static final String SCHEMA = System.getProperty("hub.it.schema", "compliance_hub_it");
    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + SCHEMA;
    private static boolean reset;

    private TestDatabase() {
    }

    /**
     * A schema of its own for a hub that must not share its jobs with the other hubs of this JVM (whose recovery
     * sweeps would take over the jobs it gives back), dropped first: the Spring arguments that point a RunningHub
     * at it.
     */
    static String[] isolatedSchema(String suffix) {
        String schema = SCHEMA + "_" + suffix;
        try (Connection c = DriverManager.getConnection(URL, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL on 127.0.0.1:5432 is needed: run scripts/test.sh", e);
        }
        return new String[] {"--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema,
            "--spring.flyway.schemas=" + schema};
    }

    static synchronized void resetOnce() {
        if (reset) {
            return;
        }
        try (Connection c = DriverManager.getConnection(URL, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL on 127.0.0.1:5432 is needed: run scripts/test.sh", e);
        }
        reset = true;
    }
}
