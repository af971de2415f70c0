package routes;

import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.AdviceWithRouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.util.function.ThrowingConsumer;

/**
 * The test kit for a route file (docs/routes.md, "Test a route"): a bare Camel context, no Spring, no database, in
 * which the test loads the route files it wants from src/main/resources/camel, binds the beans they call by name,
 * gives their {{placeholders}} values, replaces their external endpoints with mocks (Camel's AdviceWith), starts
 * the context and sends messages. Copy {@link CompleteBatchRouteTest} to start a new route's test.
 */
public final class RouteTestKit implements AutoCloseable {

    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final Properties properties = new Properties();

    public RouteTestKit() {
        camel.getPropertiesComponent().setInitialProperties(properties);
    }

    /** Loads route files (and route templates) by name, e.g. {@code "complete-batch"}. */
    public RouteTestKit routes(String... names) throws Exception {
        for (String name : names) {
            PluginHelper.getRoutesLoader(camel).loadRoutes(PluginHelper.getResourceLoader(camel)
                    .resolveResource("file:" + RouteFiles.find(name)));
        }
        return this;
    }

    /** Loads a route file by path, e.g. one of docs/examples/routes. */
    public RouteTestKit routesFrom(String path) throws Exception {
        PluginHelper.getRoutesLoader(camel).loadRoutes(PluginHelper.getResourceLoader(camel)
                .resolveResource("file:" + path));
        return this;
    }

    /** Binds a bean under the name the routes use ({@code ref: jobMetrics}). */
    public RouteTestKit bean(String name, Object bean) {
        camel.getRegistry().bind(name, bean);
        return this;
    }

    /** A value for a {{placeholder}}. */
    public RouteTestKit property(String key, String value) {
        properties.setProperty(key, value);
        return this;
    }

    /** Rewires a route before it starts: replace its endpoints with mocks, skip steps, etc. */
    public RouteTestKit advice(String routeId, ThrowingConsumer<AdviceWithRouteBuilder, Exception> advice)
            throws Exception {
        AdviceWith.adviceWith(camel, routeId, advice);
        return this;
    }

    public CamelContext start() {
        camel.start();
        return camel;
    }

    public CamelContext camel() {
        return camel;
    }

    @Override
    public void close() {
        camel.stop();
    }
}
