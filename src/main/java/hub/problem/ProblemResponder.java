package hub.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import hub.correlation.CorrelationIdFilter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns the exception an API route caught into an RFC 9457 problem response. Client errors carry their own
 * detail; anything unexpected becomes a 500 (or a 503 when a backing store is down) whose detail reveals nothing
 * internal.
 */
@Component("problemResponder")
public class ProblemResponder implements Processor {

    static final String TYPE_BASE = "https://compliance-hub.dev/problems/";
    private static final Logger log = LoggerFactory.getLogger(ProblemResponder.class);

    private final ObjectMapper mapper;

    public ProblemResponder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        ProblemException problem = problemIn(caught);
        if (problem == null) {
            problem = unexpected(caught, exchange);
        }

        Map<String, Object> body = document(problem, exchange.getIn().getHeader(Exchange.HTTP_PATH, String.class),
                exchange.getIn().getHeader(CorrelationIdFilter.HEADER, String.class));

        var in = exchange.getIn();
        if (in instanceof org.apache.camel.component.platform.http.springboot.PlatformHttpMessage http) {
            http.getRequest().setAttribute(ServletProblems.TYPE_ATTRIBUTE, problem.type());
        }
        in.removeHeaders("*", "Retry-After");
        in.setHeader(Exchange.HTTP_RESPONSE_CODE, problem.status());
        in.setHeader(Exchange.CONTENT_TYPE, "application/problem+json");
        in.setBody(mapper.writeValueAsString(body));
    }

    /** The RFC 9457 document of a problem; {@code instance} is the request path, when known. */
    public static Map<String, Object> document(ProblemException problem, String instance) {
        return document(problem, instance, null);
    }

    /** The document with the call's correlation id (the {@code correlationId} member), when known. */
    public static Map<String, Object> document(ProblemException problem, String instance, String correlationId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + problem.type());
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.detail());
        if (instance != null && !instance.isEmpty()) {
            body.put("instance", instance);
        }
        body.putAll(problem.extensions());
        if (correlationId != null) {
            body.put("correlationId", correlationId);
        }
        return body;
    }

    /** Bean calls inside expressions wrap what they throw, so the problem may sit deeper in the cause chain. */
    private static ProblemException problemIn(Throwable caught) {
        for (Throwable t = caught; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof ProblemException p) {
                return p;
            }
            if (t instanceof ProblemIOException io) {
                return io.problem();
            }
        }
        return null;
    }

    private static ProblemException unexpected(Throwable caught, Exchange exchange) {
        if (StoreOutage.isCause(caught)) {
            log.warn("Backing store unavailable while serving {}: {}", exchange.getFromRouteId(), caught.toString());
            exchange.getIn().setHeader("Retry-After", "5");
            return new ProblemException(503, "store-unavailable", "Service temporarily unavailable",
                    "A backing store is unavailable; nothing was stored. Retry later.");
        }
        log.error("Unexpected failure in route {}", exchange.getFromRouteId(), caught);
        return new ProblemException(500, "internal-error", "Internal error",
                "The request failed unexpectedly; nothing was stored.");
    }
}
