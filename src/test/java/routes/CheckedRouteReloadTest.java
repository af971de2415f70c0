package routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.camel.Route;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.RouteWatcherReloadStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CheckedRouteReload} without the hub (hub.it.RouteReloadIT runs it in the dev profile): a changed file whose
 * route cannot be created is refused with an error naming the file, the route and the cause, and the running route is
 * left as it was; a good file replaces it.
 */
class CheckedRouteReloadTest {

    @TempDir
    Path dir;

    private static final String ROUTE = """
            - route:
                id: greet
                from:
                  uri: direct:greet
                  steps:
                    - setBody:
                        method:
                          ref: greeter
                          method: hello
            """;

    @Test
    void refusesAFileWhoseRouteCannotBeCreatedAndKeepsTheRunningRoute() throws Exception {
        Path file = Files.createDirectories(dir.resolve("10-api")).resolve("greet.camel.yaml");
        Files.writeString(file, ROUTE);
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("greeter", new Greeter("hello"));
            camel.getRegistry().bind("other", new Greeter("hi"));
            PluginHelper.getRoutesLoader(camel).loadRoutes(resource(camel, file));
            camel.start();
            // Camel's watcher as camel.main.routes-reload-* makes it, handing changed files to the check (not started
            // here: the test hands the file over itself).
            RouteWatcherReloadStrategy camels = new RouteWatcherReloadStrategy(dir.toString(), true);
            camels.setRemoveAllRoutes(false);
            CheckedRouteReload reload = CheckedRouteReload.installOn(camels, camel);
            assertThat(camels.getResourceReload()).isSameAs(reload);
            assertThat(reload.isRemoveAllRoutes()).isFalse();
            Route running = camel.getRoute("greet");
            assertThat(greet(camel)).isEqualTo("hello");

            for (String[] broken : new String[][] {
                    {"ref: greeter", "ref: noSuchBean", "No bean could be found in the registry for: noSuchBean"},
                    {"method: hello", "method: hello\n        - to:\n            uri: \"direct:{{no.such.setting}}\"",
                            "no.such.setting"},
                    {"method: hello", "method: hello\n        - to:\n            uri: \"direct:x?noSuchOption=1\"", "noSuchOption"},
                    {"- setBody:", "- setBdoy:", "setBdoy"}}) {
                Files.writeString(file, ROUTE.replace(broken[0], broken[1]));
                assertThatThrownBy(() -> reload.onRouteReload(List.of(resource(camel, file)), false))
                        .isInstanceOf(CheckedRouteReload.RefusedReload.class)
                        .hasMessageStartingWith("Route file 10-api/greet.camel.yaml not reloaded: ")
                        .hasMessageContaining(broken[2])
                        .hasMessageEndingWith("The previous route keeps running; fix the file and save it again.");
                assertThat(camel.getRoute("greet")).isSameAs(running);
                assertThat(greet(camel)).isEqualTo("hello");
            }
            Files.writeString(file, ROUTE.replace("ref: greeter", "ref: noSuchBean"));
            assertThatThrownBy(() -> reload.onRouteReload(List.of(resource(camel, file)), false))
                    .hasMessageStartingWith("Route file 10-api/greet.camel.yaml not reloaded: route greet cannot be created at SetBody[");

            Files.writeString(file, ROUTE.replace("ref: greeter", "ref: other"));
            reload.onRouteReload(List.of(resource(camel, file)), false);
            assertThat(camel.getRoute("greet")).isNotSameAs(running);
            assertThat(greet(camel)).isEqualTo("hi");
        }
    }

    private static Resource resource(DefaultCamelContext camel, Path file) {
        return PluginHelper.getResourceLoader(camel).resolveResource("file:" + file);
    }

    private static String greet(DefaultCamelContext camel) {
        return camel.createProducerTemplate().requestBody("direct:greet", "", String.class);
    }

    public record Greeter(String word) {
        public String hello() {
            return word;
        }
    }
}
