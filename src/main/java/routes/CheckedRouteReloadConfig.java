package routes;

import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.support.RouteWatcherReloadStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Where live reload is on ({@code camel.main.routes-reload-enabled}, the {@code dev} profile), makes the route watcher
 * Camel made from the {@code camel.main.routes-reload-*} settings hand each changed file to {@link CheckedRouteReload}
 * (its reload listener, set before the context starts): a broken edit then leaves the previous route running.
 */
@Component
@ConditionalOnProperty(name = "camel.main.routes-reload-enabled", havingValue = "true")
public class CheckedRouteReloadConfig implements CamelContextConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CheckedRouteReloadConfig.class);

    @Override
    public void beforeApplicationStart(CamelContext camel) {
        RouteWatcherReloadStrategy camels = camel.hasService(RouteWatcherReloadStrategy.class);
        if (camels == null || camels.getResourceReload() instanceof CheckedRouteReload) {
            return;
        }
        CheckedRouteReload.installOn(camels, camel);
        log.info("Route reload checks each changed file before replacing its routes (folder {})", camels.getFolder());
    }

    @Override
    public void afterApplicationStart(CamelContext camel) {
        // nothing to do once started
    }
}
