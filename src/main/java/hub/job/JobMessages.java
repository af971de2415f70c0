package hub.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The queue message that hands a job to a worker: {@code {"jobId": "<uuid>", "correlationId": "<id>"}}
 * ({@code correlationId} only when the job has one). The message carries only identifiers; the job row in
 * PostgreSQL is the truth, so a duplicate or late message is harmless.
 */
@Component("jobMessages")
public class JobMessages {

    private final ObjectMapper mapper;

    public JobMessages(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String toMessage(String jobId, String correlationId) {
        var message = mapper.createObjectNode().put("jobId", jobId);
        if (correlationId != null) {
            message.put("correlationId", correlationId);
        }
        return message.toString();
    }

    /** Route step: the message of the job in the exchange properties {@code jobId} and {@code correlationId}. */
    public String message(org.apache.camel.Exchange exchange) {
        return toMessage(exchange.getProperty("jobId", String.class),
                exchange.getProperty(hub.correlation.CorrelationIds.PROPERTY, String.class));
    }

    /** The job id of a message; a message that names no job is poison and will never succeed. */
    public String jobId(Object body) {
        String text = body instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                : body == null ? null : body.toString();
        if (text == null || text.isBlank()) {
            throw new PoisonMessageException("empty job message");
        }
        JsonNode node;
        try {
            node = mapper.readTree(text);
        } catch (Exception e) {
            throw new PoisonMessageException("job message is not JSON: " + e.getMessage());
        }
        JsonNode id = node == null ? null : node.get("jobId");
        if (id == null || !id.isTextual()) {
            throw new PoisonMessageException("job message has no textual jobId");
        }
        try {
            return UUID.fromString(id.asText()).toString();
        } catch (IllegalArgumentException e) {
            throw new PoisonMessageException("jobId '" + id.asText() + "' is not a UUID");
        }
    }

    /** A queue message that can never be processed; the Service Bus route dead-letters it with this reason. */
    public static class PoisonMessageException extends RuntimeException {
        public PoisonMessageException(String reason) {
            super(reason);
        }
    }
}
