package routes;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.Route;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteDefinitionHelper;
import org.apache.camel.model.RoutesDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.spi.ResourceReload;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.RouteWatcherReloadStrategy;
import org.apache.camel.util.FileUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camel's route watcher (the {@code dev} profile's live reload, docs/routes.md "Try a change: live reload") with one
 * change: a changed route file is checked before any running route is touched. Camel's own watcher stops and removes
 * the routes of the file first and then creates them anew, so a file that parses but whose route cannot be created
 * (a bean name, a {@code {{placeholder}}}, a component or an endpoint option that does not exist) left the route
 * missing until the next good save.
 *
 * <p>Here the file is loaded into a throw-away model and each of its routes is created (Camel's reifier: every bean,
 * placeholder, endpoint and option resolved) without being added to the context; only when that succeeds does
 * Camel's watcher replace the running routes. Otherwise one ERROR names the file, the route, the step and the cause,
 * the previous routes keep running, and Camel's watcher counts the failure (its {@code getFailedCounter()} and
 * {@code getLastError()}, also in the developer console's {@code reload} view). What the check cannot see is a route
 * that is created but fails to start (a consumer that cannot connect): that fails as in Camel's own watcher. Route
 * templates and REST definitions are not checked (a template's instances are made at start-up only).
 *
 * <p>It works as the listener of the watcher Camel made from the {@code camel.main.routes-reload-*} settings
 * ({@link #installOn}, by {@link CheckedRouteReloadConfig}): Camel's watcher keeps watching the folder and counting;
 * this subclass only lends it Camel's own reload steps with the check in front.
 */
public class CheckedRouteReload extends RouteWatcherReloadStrategy implements ResourceReload {

    private static final Logger log = LoggerFactory.getLogger(CheckedRouteReload.class);

    public CheckedRouteReload(String directory, boolean recursive) {
        super(directory, recursive);
    }

    /**
     * Makes Camel's watcher (made from the {@code camel.main.routes-reload-*} settings) hand every changed file to a
     * {@link CheckedRouteReload} with the same settings, before the watcher starts. Camel's watcher keeps watching
     * the folder and counting reloads and failures; this one, never started itself, checks and then reloads the file.
     */
    public static CheckedRouteReload installOn(RouteWatcherReloadStrategy camels, CamelContext camel) {
        CheckedRouteReload checked = new CheckedRouteReload(camels.getFolder(), camels.isRecursive());
        checked.setPattern(camels.getPattern());
        checked.setRemoveAllRoutes(camels.isRemoveAllRoutes());
        checked.setCamelContext(camel);
        camels.setResourceReload(checked);
        return checked;
    }

    /** What Camel's watcher does with a changed file (its own listener), with the check first for route files. */
    @Override
    public void onReload(String name, Resource resource) throws Exception {
        if (name.endsWith(".properties")) {
            onPropertiesReload(resource, true);
        } else if (name.endsWith(".groovy")) {
            onGroovyReload(resource, true);
        } else {
            onRouteReload(List.of(resource), false);
        }
    }

    @Override
    protected void onRouteReload(Collection<Resource> resources, boolean removeEverything) {
        if (resources != null && !removeEverything) {
            for (Resource resource : resources) {
                if (isEmpty(resource)) {
                    // An editor (or Files.writeString) truncates the file before writing it: the write that follows
                    // is a change of its own. An emptied file leaves its routes running too.
                    log.debug("{} is empty: its routes keep running until it is saved with content", shortName(resource));
                    return;
                }
                check(resource);
            }
        }
        super.onRouteReload(resources, removeEverything);
    }

    /** Loads the file and creates each of its routes aside; throws {@link RefusedReload} when any cannot be. */
    void check(Resource resource) {
        String file = shortName(resource);
        if (!exists(resource)) {
            return;
        }
        CamelContext camel = getCamelContext();
        Collection<RoutesBuilder> builders;
        List<RouteDefinition> routes = new ArrayList<>();
        try {
            builders = PluginHelper.getRoutesLoader(camel).findRoutesBuilders(List.of(resource));
            for (RoutesBuilder builder : builders) {
                if (builder instanceof RouteBuilder routeBuilder) {
                    RoutesDefinition definitions = routeBuilder.configureRoutes(camel);
                    for (RouteDefinition route : definitions.getRoutes()) {
                        definitions.prepareRoute(route);
                        routes.add(route);
                    }
                }
            }
        } catch (Exception e) {
            throw refuse(file, null, e);
        }
        for (RouteDefinition route : routes) {
            create(camel, file, route);
        }
    }

    private void create(CamelContext camel, String file, RouteDefinition definition) {
        String id = definition.getRouteId();
        Route created = null;
        try {
            RouteDefinitionHelper.forceAssignIds(camel, definition.getInput());
            RouteDefinitionHelper.forceAssignIds(camel, definition);
            camel.getCamelContextExtension().createRoute(id);
            created = camel.getCamelContextExtension().getContextPlugin(Model.class).getModelReifierFactory()
                    .createRoute(camel, definition);
        } catch (Exception e) {
            throw refuse(file, id, e);
        } finally {
            camel.getCamelContextExtension().createRoute(null);
            if (created != null) {
                discard(camel, created);
            }
        }
    }

    /** The route made aside is never added nor started; the route policies its creation added as services go. */
    private static void discard(CamelContext camel, Route created) {
        Route running = camel.getRoute(created.getRouteId());
        for (RoutePolicy policy : created.getRoutePolicyList()) {
            boolean shared = running != null && running.getRoutePolicyList().contains(policy);
            if (!shared && camel.hasService(policy)) {
                try {
                    camel.removeService(policy);
                } catch (Exception e) {
                    log.debug("Could not remove the route policy {} of the checked route {}", policy, created.getRouteId(), e);
                }
            }
        }
    }

    private RefusedReload refuse(String file, String routeId, Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String step = step(e);
        String message = "Route file " + file + " not reloaded"
                + (routeId == null ? "" : ": route " + routeId + " cannot be created")
                + (step == null ? "" : " at " + step)
                + ": " + root.getMessage()
                + ". The previous route keeps running; fix the file and save it again.";
        log.error(message);
        log.debug("Why {} was not reloaded", file, e);
        return new RefusedReload(message);
    }

    /** The step Camel names in a route it could not create ({@code at: >>> SetBody[...] <<<}). */
    private static String step(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof FailedToCreateRouteException && t.getMessage() != null) {
                String m = t.getMessage();
                int from = m.indexOf(">>> ");
                int to = m.indexOf(" <<<", from + 4);
                if (from >= 0 && to > from) {
                    return m.substring(from + 4, to);
                }
            }
        }
        return null;
    }

    private String shortName(Resource resource) {
        String location = resource.getLocation();
        String path = location.startsWith("file:") ? location.substring(5) : location;
        String folder = getFolder() == null ? null : new File(getFolder()).getAbsolutePath();
        String absolute = new File(path).getAbsolutePath();
        if (folder != null && absolute.startsWith(folder + File.separator)) {
            return FileUtil.compactPath(absolute.substring(folder.length() + 1));
        }
        return path;
    }

    private static boolean isEmpty(Resource resource) {
        try {
            return exists(resource) && Files.size(Path.of(resource.getURI())) == 0;
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean exists(Resource resource) {
        try {
            return Files.exists(Path.of(resource.getURI()));
        } catch (RuntimeException e) {
            return resource.exists();
        }
    }

    /** A reload refused by the check; its message is the ERROR line (no stack trace: the cause is in it). */
    public static final class RefusedReload extends RuntimeException {
        RefusedReload(String message) {
            super(message, null, false, false);
        }
    }
}
