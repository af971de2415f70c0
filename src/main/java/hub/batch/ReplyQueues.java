package hub.batch;

import hub.problem.ProblemException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The queues and topics a batch's completion event may go to: only names an operator listed
 * ({@code hub.batch.reply-to.allowed-queues}, {@code allowed-topics}; an entry ending in {@code *} is a prefix), and
 * never one of the hub's own queues, whatever the lists say: the names in the hub's queue endpoints (jobs, batches,
 * MLflow runs; {@code compliance-jobs} and {@code compliance-batches} on Service Bus) and
 * {@code hub.batch.reply-to.reserved}. Otherwise any caller could inject messages into the hub's own work.
 * Names compare case-insensitively, as Service Bus does.
 */
@Component
public class ReplyQueues {

    private static final Pattern ENDPOINT_NAME = Pattern.compile("^[a-z0-9-]+:(?://)?([^?]+)");

    private final List<String> allowedQueues;
    private final List<String> allowedTopics;
    private final Set<String> reserved;

    public ReplyQueues(@Value("${hub.batch.reply-to.allowed-queues:}") List<String> allowedQueues,
                       @Value("${hub.batch.reply-to.allowed-topics:}") List<String> allowedTopics,
                       @Value("${hub.batch.reply-to.reserved:}") List<String> reserved,
                       @Value("${hub.queue.jobs.producer}") String jobsProducer,
                       @Value("${hub.queue.jobs.consumer}") String jobsConsumer,
                       @Value("${hub.queue.batches.producer}") String batchesProducer,
                       @Value("${hub.queue.batches.consumer}") String batchesConsumer,
                       @Value("${hub.queue.batches.retry-uri}") String batchesRetry,
                       @Value("${hub.mlflow.queue-producer:}") String mlflowProducer,
                       @Value("${hub.mlflow.queue-consumer:}") String mlflowConsumer) {
        this.allowedQueues = lower(allowedQueues);
        this.allowedTopics = lower(allowedTopics);
        Set<String> own = new LinkedHashSet<>(lower(reserved));
        for (String uri : List.of(jobsProducer, jobsConsumer, batchesProducer, batchesConsumer, batchesRetry,
                mlflowProducer, mlflowConsumer)) {
            String name = nameIn(uri);
            if (name != null) {
                own.add(name);
            }
        }
        this.reserved = Set.copyOf(own);
    }

    /** The hub's own queue names, which no replyTo may name. */
    public Set<String> reserved() {
        return reserved;
    }

    /** Refuses (400 {@code reply-to-not-allowed}) a queue or topic replyTo ({@code name}, {@code topic:name}, {@code queue:name}). */
    public void check(String replyTo) {
        boolean topic = replyTo.startsWith("topic:");
        String name = replyTo.substring(replyTo.indexOf(':') + 1).toLowerCase(Locale.ROOT);
        String kind = topic ? "topic" : "queue";
        if (reserved.contains(name)) {
            throw refused("'" + name + "' is one of the hub's own queues");
        }
        if (!matches(topic ? allowedTopics : allowedQueues, name)) {
            throw refused("the " + kind + " is not in hub.batch.reply-to.allowed-" + kind + "s");
        }
    }

    private static boolean matches(List<String> allowed, String name) {
        for (String entry : allowed) {
            if (entry.endsWith("*") ? name.startsWith(entry.substring(0, entry.length() - 1)) : entry.equals(name)) {
                return true;
            }
        }
        return false;
    }

    static String nameIn(String uri) {
        if (uri == null || uri.isBlank()) {
            return null;
        }
        Matcher m = ENDPOINT_NAME.matcher(uri.trim().toLowerCase(Locale.ROOT));
        return m.find() ? m.group(1) : null;
    }

    private static List<String> lower(List<String> names) {
        return names == null ? List.of() : names.stream().map(String::trim).filter(n -> !n.isEmpty())
                .map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }

    private static ProblemException refused(String why) {
        return new ProblemException(400, "reply-to-not-allowed", "replyTo not allowed",
                "replyTo names a queue or topic completion events may not go to: " + why + ".");
    }
}
