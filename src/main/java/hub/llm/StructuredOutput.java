package hub.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Decides the {@code response_format} of each chat request for {@code llm-chat.camel.yaml}, from
 * {@code hub.llm.structured-output}. The request factories always ask for their {@link ResponseSchema}
 * ({@code json_schema}, strict); this bean passes that on ({@code json-schema}), turns it into
 * {@code {"type": "json_object"}} ({@code json-object}) or removes it ({@code none}). In {@code auto} mode it passes
 * the schema on until the endpoint refuses it (HTTP 400 whose error mentions response_format, json_schema or schema,
 * as older Ollama, some vLLM builds and some Azure API versions answer), then asks again with {@code json_object} and
 * remembers the refusal for the endpoint (its URL) until the hub restarts, so that only the first call pays.
 *
 * <p>Until an endpoint has answered a schema request once (accepted or refused), one call at a time probes it: calls
 * made meanwhile wait for the probe's answer (at most {@code hub.llm.timeout-ms} plus the connect timeout), so a job
 * that starts many calls at once pays for at most one refusal.
 */
@Component("structuredOutput")
public class StructuredOutput {

    /** The llm-chat outcome that sends the request again with {@code json_object}. */
    public static final String FALL_BACK = "FALL_BACK";

    private static final Logger log = LoggerFactory.getLogger(StructuredOutput.class);
    private static final Pattern REFUSAL = Pattern.compile("response_format|json_schema|schema",
            Pattern.CASE_INSENSITIVE);
    private static final String SCHEMA_MARKER = "\"json_schema\"";

    /** The values of {@code hub.llm.structured-output}. */
    public enum Mode {
        AUTO, JSON_SCHEMA, JSON_OBJECT, NONE;

        public static Mode of(String setting) {
            String word = setting == null ? "" : setting.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            for (Mode mode : values()) {
                if (mode.name().equals(word)) {
                    return mode;
                }
            }
            throw new IllegalArgumentException("hub.llm.structured-output must be auto, json-schema, json-object or "
                    + "none, not '" + setting + "'");
        }
    }

    /** What is known of an endpoint in auto mode. */
    enum Support { UNKNOWN, SCHEMA, JSON_OBJECT_ONLY }

    private final ObjectMapper objectMapper;
    private final Mode mode;
    private final String endpoint;
    private final long probeWaitMillis;
    private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();

    public StructuredOutput(ObjectMapper objectMapper,
            @Value("${hub.llm.structured-output:auto}") String mode,
            @Value("${hub.llm.url:}") String endpoint,
            @Value("${hub.llm.timeout-ms:30000}") long timeoutMillis,
            @Value("${hub.llm.connect-timeout-ms:10000}") long connectTimeoutMillis) {
        this.objectMapper = objectMapper;
        this.mode = Mode.of(mode);
        this.endpoint = endpoint;
        this.probeWaitMillis = timeoutMillis + connectTimeoutMillis;
    }

    public Mode mode() {
        return mode;
    }

    /** What is known of {@code url} (for tests and the docs' wording): UNKNOWN until its first answer. */
    Support support(String url) {
        Endpoint known = endpoints.get(url);
        return known == null ? Support.UNKNOWN : known.support;
    }

    /**
     * The request (the body) as this endpoint is to get it; in auto mode, waits while another call probes the
     * endpoint.
     */
    public String adapt(Exchange exchange) {
        String request = exchange.getIn().getBody(String.class);
        return switch (mode) {
            case JSON_SCHEMA -> request;
            case JSON_OBJECT -> withResponseFormat(request, false);
            case NONE -> withResponseFormat(request, true);
            case AUTO -> autoRequest(request);
        };
    }

    private String autoRequest(String request) {
        if (request == null || !request.contains(SCHEMA_MARKER)) {
            return request;
        }
        Endpoint known = endpoints.computeIfAbsent(endpoint, url -> new Endpoint());
        known.awaitProbe(probeWaitMillis);
        return known.support == Support.JSON_OBJECT_ONLY ? withResponseFormat(request, false) : request;
    }

    /**
     * Learns from the endpoint's answer to the request in {@code llmRequestBody} (status in CamelHttpResponseCode,
     * error in the body) and gives the llm-chat outcome: {@link #FALL_BACK} when an auto-mode schema request was
     * refused (the request in {@code llmRequestBody} then asks for json_object, and the attempts start again),
     * otherwise {@code llmOutcome} unchanged.
     */
    public String learn(Exchange exchange) {
        String outcome = exchange.getProperty("llmOutcome", String.class);
        String request = exchange.getProperty("llmRequestBody", String.class);
        if (mode != Mode.AUTO || request == null || !request.contains(SCHEMA_MARKER)) {
            return outcome;
        }
        Endpoint known = endpoints.computeIfAbsent(endpoint, url -> new Endpoint());
        int status = exchange.getIn().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        if (status >= 200 && status < 300) {
            known.learned(Support.SCHEMA);
            return outcome;
        }
        if (!refusesSchema(status, exchange.getIn().getBody(String.class))) {
            known.releaseProbe();
            return outcome;
        }
        if (known.learned(Support.JSON_OBJECT_ONLY)) {
            log.warn("The LLM endpoint {} refused response_format json_schema (HTTP 400); this and every later call "
                    + "to it asks for json_object until the hub restarts", endpoint);
        }
        exchange.setProperty("llmRequestBody", withResponseFormat(request, false));
        exchange.setProperty("llmAttempt", 0);
        return FALL_BACK;
    }

    /** An HTTP 400 whose error names the response format or the schema. */
    static boolean refusesSchema(int status, String errorBody) {
        return status == 400 && errorBody != null && REFUSAL.matcher(errorBody).find();
    }

    /** {@code request} asking for a plain JSON object, or with no response format when {@code remove}. */
    String withResponseFormat(String request, boolean remove) {
        if (request == null || !request.contains("\"response_format\"")) {
            return request;
        }
        try {
            JsonNode parsed = objectMapper.readTree(request);
            if (!(parsed instanceof ObjectNode object) || !object.has("response_format")) {
                return request;
            }
            if (remove) {
                object.remove("response_format");
            } else {
                object.putObject("response_format").put("type", "json_object");
            }
            return objectMapper.writeValueAsString(object);
        } catch (JsonProcessingException e) {
            return request;
        }
    }

    /** One endpoint's support and the probe in flight while it is unknown. */
    private static final class Endpoint {

        private volatile Support support = Support.UNKNOWN;
        private CompletableFuture<Void> probe;

        /** Returns at once when the support is known or this call becomes the probe; otherwise waits for the probe. */
        void awaitProbe(long maxWaitMillis) {
            CompletableFuture<Void> running;
            synchronized (this) {
                if (support != Support.UNKNOWN) {
                    return;
                }
                if (probe == null) {
                    probe = new CompletableFuture<>();
                    return;
                }
                running = probe;
            }
            try {
                running.get(maxWaitMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // Go ahead with the schema: the worst case is one more refused call.
            }
            synchronized (this) {
                if (support == Support.UNKNOWN && (probe == null || probe.isDone())) {
                    probe = new CompletableFuture<>();
                }
            }
        }

        /** Records what the endpoint does; true when this changed what was known. */
        synchronized boolean learned(Support learned) {
            boolean changed = support != learned && support != Support.JSON_OBJECT_ONLY;
            if (changed) {
                support = learned;
            }
            releaseProbe();
            return changed;
        }

        /** The probe's answer taught nothing (a 5xx, a timeout): the calls waiting for it go ahead. */
        synchronized void releaseProbe() {
            if (probe != null) {
                probe.complete(null);
                probe = null;
            }
        }
    }
}
