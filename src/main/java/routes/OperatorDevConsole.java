package routes;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.actuate.console.CamelDevConsoleEndpoint;
import org.apache.camel.util.URISupport;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.stereotype.Component;

/**
 * Camel's developer console as the actuator endpoint {@code /actuator/camel} (camel-spring-boot's
 * {@link CamelDevConsoleEndpoint}, which backs off for this bean), for the role compliance-admin only
 * ({@code hub.security.SecurityConfig}): {@code /actuator/camel} lists the consoles, {@code /actuator/camel/route}
 * answers one as JSON (the routes with their statistics), {@code /actuator/camel/route,health} several.
 *
 * <p>Two limits on Camel's endpoint, which serves every console on the classpath: only the consoles named in
 * {@code hub.dev-console.consoles} are served (the others show message bodies, beans, system properties or settings,
 * or act: browse, send, receive, debug, trace, bean, properties, system-properties, log, ...), and every endpoint URI
 * in an answer is masked as Camel masks them in its logs (a {@code connectionString=RAW(...)} of a Service Bus queue
 * becomes {@code xxxxxx}). It is read-only: the actuator passes no options to a console, so no console acts.
 */
@Component
@Endpoint(id = "camel")
public class OperatorDevConsole extends CamelDevConsoleEndpoint {

    private final Set<String> consoles;

    public OperatorDevConsole(CamelContext camel, @Value("${hub.dev-console.consoles}") List<String> consoles) {
        super(camel);
        this.consoles = new LinkedHashSet<>(consoles);
    }

    @Override
    @ReadOperation
    public JsonObject getConsoles() {
        return allowed(super.getConsoles());
    }

    @Override
    @ReadOperation
    public JsonObject getConsoleById(@Selector String id) {
        // Camel serves every console whose id the path contains ("all" every one); only the allowed are kept.
        return allowed(super.getConsoleById(id));
    }

    private JsonObject allowed(JsonObject answer) {
        if (answer == null) {
            return null;
        }
        JsonObject kept = new JsonObject();
        for (Map.Entry<String, Object> e : answer.entrySet()) {
            if (consoles.contains(e.getKey())) {
                kept.put(e.getKey(), masked(e.getValue()));
            }
        }
        return kept.isEmpty() ? null : kept;
    }

    /** Every string that is an endpoint URI with options, masked as Camel masks URIs in its logs. */
    static Object masked(Object value) {
        if (value instanceof Map<?, ?> map) {
            JsonObject copy = new JsonObject();
            map.forEach((k, v) -> copy.put(String.valueOf(k), masked(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(masked(v)));
            return new JsonArray(copy);
        }
        if (value instanceof String s && s.indexOf('=') > 0) {
            return URISupport.sanitizeUri(s);
        }
        return value;
    }
}
