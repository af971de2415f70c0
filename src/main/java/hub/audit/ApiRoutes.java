package hub.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The operations' path templates ({@code /api/v1/jobs/{id}}), read from the REST contract the hub routes from
 * (openapi/compliance-hub.yaml, on the classpath as {@value #CONTRACT}), so the audit log names the operation
 * rather than the raw path, which could hold anything a client sent.
 */
@Component
public class ApiRoutes {

    static final String CONTRACT = "static/openapi/compliance-hub.yaml";

    /** A request's template (or {@code unmatched}) and the job or batch id its path names. */
    public record Match(String template, String id) {
    }

    private final List<Map.Entry<String, PathPattern>> patterns;

    public ApiRoutes() {
        this.patterns = patterns(CONTRACT);
    }

    public Match match(String method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        for (Map.Entry<String, PathPattern> p : patterns) {
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

    /** Method and path template of every {@code /api} operation of the contract. */
    static List<Map.Entry<String, PathPattern>> patterns(String resource) {
        JsonNode document;
        try (InputStream in = ApiRoutes.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            document = new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Map.Entry<String, PathPattern>> all = new ArrayList<>();
        document.path("paths").properties().forEach(path -> {
            if (path.getKey().startsWith("/api/")) {
                path.getValue().properties().forEach(method -> {
                    if (method.getValue().has("operationId")) {
                        all.add(Map.entry(method.getKey().toUpperCase(java.util.Locale.ROOT),
                                PathPatternParser.defaultInstance.parse(path.getKey())));
                    }
                });
            }
        });
        return List.copyOf(all);
    }
}
