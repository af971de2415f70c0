package hub.contract;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.support.processor.RestBindingAdvice;
import org.apache.camel.component.platform.http.spi.PlatformHttpConsumerAware;
import org.apache.camel.component.rest.openapi.DefaultRestOpenapiProcessorStrategy;
import org.springframework.stereotype.Component;

/**
 * How Camel routes the contract (camel/10-api/rest-api.camel.yaml): each operation of openapi/compliance-hub.yaml goes to
 * {@code direct:<operationId>}. Operations marked {@code x-served-by: spring-mvc} (the development sign-in and the
 * actuator endpoints) are served by Spring, not by a route, and are left out. Any other operation without its route
 * stops the start, with a message that names the route file to add.
 */
@Component("contractRouting")
public class ContractRouting extends DefaultRestOpenapiProcessorStrategy {

    static final String SERVED_BY = "x-served-by";

    @Override
    public void validateOpenApi(OpenAPI openApi, String basePath, PlatformHttpConsumerAware consumer) throws Exception {
        OpenAPI routed = routedPart(openApi);
        Set<String> routes = getCamelContext().getRoutes().stream()
                .map(Route::getEndpoint).map(e -> e.getEndpointBaseUri()).collect(Collectors.toSet());
        List<String> missing = missingRoutes(routed, routes);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("openapi/compliance-hub.yaml has " + missing.size()
                    + " operation(s) without a route: " + String.join("; ", missing));
        }
        super.validateOpenApi(routed, basePath, consumer);
    }

    /** Names the operation on the exchange ({@link RequestContract#OPERATION}) before Camel routes it. */
    @Override
    public boolean process(OpenAPI openApi, Operation operation, String verb, String path, RestBindingAdvice binding,
                           Exchange exchange, AsyncCallback callback) {
        exchange.setProperty(RequestContract.OPERATION, operation.getOperationId());
        return super.process(openApi, operation, verb, path, binding, exchange, callback);
    }

    /** One line per operation whose {@code direct:<operationId>} is not among the routes' endpoints. */
    static List<String> missingRoutes(OpenAPI routed, Set<String> routeEndpoints) {
        List<String> missing = new ArrayList<>();
        routed.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            String id = op.getOperationId();
            if (id == null) {
                missing.add(method + " " + path + " has no operationId (the name of its route)");
            } else if (!routeEndpoints.contains("direct://" + id)) {
                missing.add(method + " " + path + " → add src/main/resources/camel/10-api/" + id
                        + ".camel.yaml, a route from direct:" + id);
            }
        }));
        return missing;
    }

    /** The document without the operations Spring serves (marked {@code x-served-by}). */
    static OpenAPI routedPart(OpenAPI openApi) {
        Paths kept = new Paths();
        openApi.getPaths().forEach((path, item) -> {
            PathItem copy = new PathItem();
            copy.setParameters(item.getParameters());
            boolean any = false;
            for (Map.Entry<PathItem.HttpMethod, Operation> e : item.readOperationsMap().entrySet()) {
                Map<String, Object> ext = e.getValue().getExtensions();
                if (ext == null || !ext.containsKey(SERVED_BY)) {
                    copy.operation(e.getKey(), e.getValue());
                    any = true;
                }
            }
            if (any) {
                kept.addPathItem(path, copy);
            }
        });
        OpenAPI routed = new OpenAPI(openApi.getSpecVersion());
        routed.setOpenapi(openApi.getOpenapi());
        routed.setInfo(openApi.getInfo());
        routed.setServers(openApi.getServers());
        routed.setComponents(openApi.getComponents());
        routed.setPaths(kept);
        return routed;
    }
}
