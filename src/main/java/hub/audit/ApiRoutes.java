package hub.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.VerbDefinition;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The route templates of the REST API ({@code /api/v1/jobs/{id}}), read from Camel's REST definitions, so the
 * audit log names the operation rather than the raw path, which could hold anything a client sent.
 */
@Component
public class ApiRoutes {

    /** A request's template (or {@code unmatched}) and the job or batch id its path names. */
    public record Match(String template, String id) {
    }

    private final CamelContext camel;
    private volatile List<Map.Entry<String, PathPattern>> patterns;

    public ApiRoutes(CamelContext camel) {
        this.camel = camel;
    }

    public Match match(String method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        for (Map.Entry<String, PathPattern> p : patterns()) {
            if (p.getKey().equalsIgnoreCase(method) && p.getValue().matches(container)) {
                PathPattern.PathMatchInfo info = p.getValue().matchAndExtract(container);
                return new Match(p.getValue().getPatternString(), info == null ? null : info.getUriVariables().get("id"));
            }
        }
        if (path.equals("/auth/dev-login") || path.equals("/error")) {
            return new Match(path, null);
        }
        return new Match(path.startsWith("/actuator/") ? "/actuator/**" : "unmatched", null);
    }

    /** The id at the end of a Location header such as {@code /api/v1/jobs/<id>}. */
    static String idIn(String location) {
        return location == null ? null : location.substring(location.lastIndexOf('/') + 1);
    }

    private List<Map.Entry<String, PathPattern>> patterns() {
        if (patterns == null) {
            List<Map.Entry<String, PathPattern>> all = new ArrayList<>();
            for (RestDefinition rest : camel.getCamelContextExtension().getContextPlugin(Model.class).getRestDefinitions()) {
                for (VerbDefinition verb : rest.getVerbs()) {
                    String path = rest.getPath() + (verb.getPath() == null ? "" : verb.getPath());
                    all.add(Map.entry(verb.asVerb(), PathPatternParser.defaultInstance.parse(path)));
                }
            }
            patterns = List.copyOf(all);
        }
        return patterns;
    }
}
