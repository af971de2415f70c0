package hub.contract;

import io.micrometer.common.KeyValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;

/**
 * The {@code uri} tag of {@code http_server_requests_seconds} for the API: Camel registers each path of the contract
 * with Spring as a prefix ({@code /api/v1/jobs/{*matchOnUriPrefix}}), which would put that pattern in the metrics
 * where dashboards and alerts expect the contract's path template ({@code /api/v1/jobs}, {@code /api/v1/jobs/{id}}).
 */
@Component
public class ContractUriTags extends DefaultServerRequestObservationConvention {

    private static final String PREFIX_PATTERN = "{*matchOnUriPrefix}";
    private final Map<Pattern, String> templates = new LinkedHashMap<>();

    public ContractUriTags() {
        SchemaCheck.document(RequestContract.RESOURCE).path("paths").properties().forEach(path -> {
            String regex = Pattern.quote(path.getKey()).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
            templates.put(Pattern.compile(regex), path.getKey());
        });
    }

    @Override
    protected KeyValue uri(ServerRequestObservationContext context) {
        String pattern = context.getPathPattern();
        if (pattern != null && pattern.endsWith(PREFIX_PATTERN) && context.getCarrier() != null) {
            String template = templateOf(context.getCarrier().getRequestURI());
            if (template != null) {
                return KeyValue.of("uri", template);
            }
        }
        return super.uri(context);
    }

    /** The contract's path template that {@code path} matches, or null. */
    String templateOf(String path) {
        for (Map.Entry<Pattern, String> t : templates.entrySet()) {
            if (t.getKey().matcher(path).matches()) {
                return t.getValue();
            }
        }
        return null;
    }
}
