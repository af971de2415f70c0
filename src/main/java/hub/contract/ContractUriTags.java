package hub.contract;

import hub.audit.ApiRoutes;
import io.micrometer.common.KeyValue;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;

/**
 * The {@code uri} tag of {@code http_server_requests_seconds} for the API: Camel registers each path of the contract
 * with Spring as a prefix ({@code /api/v1/jobs/{*matchOnUriPrefix}}), which would put that pattern in the metrics
 * where dashboards and alerts expect the contract's path template ({@code /api/v1/jobs}, {@code /api/v1/jobs/{id}}),
 * the same one the audit log names ({@link ApiRoutes}).
 */
@Component
public class ContractUriTags extends DefaultServerRequestObservationConvention {

    private static final String PREFIX_PATTERN = "{*matchOnUriPrefix}";
    private final ApiRoutes routes;

    public ContractUriTags(ApiRoutes routes) {
        this.routes = routes;
    }

    @Override
    protected KeyValue uri(ServerRequestObservationContext context) {
        String pattern = context.getPathPattern();
        if (pattern != null && pattern.endsWith(PREFIX_PATTERN) && context.getCarrier() != null) {
            String template = templateOf(context.getCarrier().getMethod(), context.getCarrier().getRequestURI());
            if (template != null) {
                return KeyValue.of("uri", template);
            }
        }
        return super.uri(context);
    }

    /** The contract's path template of this method and path, or null. */
    String templateOf(String method, String path) {
        String template = routes.match(method, path).template();
        return template.startsWith("/api/") ? template : null;
    }
}
