package hub.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hub.article.TextHash;
import hub.callback.CallbackTargets;
import hub.contract.MessageContract;
import hub.input.FieldChecks;
import hub.job.JobSubmission;
import hub.job.SubmissionReader;
import hub.problem.ProblemException;
import hub.security.Caller;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads and validates a batch message. Every item gets the same checks as a single submission
 * ({@link SubmissionReader#check}); the first failing item rejects the whole batch with a {@link ProblemException}
 * naming it, before anything is stored. On success the exchange property {@code batch} holds the
 * {@link ValidatedBatch}.
 */
@Component("batchReader")
public class BatchReader {

    static final int MAX_ID_CHARS = 200;
    static final int MAX_REPLY_TO_CHARS = 260;
    static final int MAX_CALLBACK_CHARS = 2000;
    /**
     * A queue or topic name becomes part of an endpoint URI, so only plain names pass; {@code topic:} or
     * {@code queue:} in front says which (a queue without it).
     */
    static final java.util.regex.Pattern REPLY_TO =
            java.util.regex.Pattern.compile("(?:(?:queue|topic):)?[A-Za-z0-9][A-Za-z0-9._-]{0,259}");
    static final String KNOWN_FIELDS = "batchId, submitter, tenant, items, replyTo";
    static final String ARTICLE_FIELDS = "article, guidelineSet, options, externalRef, submitter, tenant, replyTo";

    private final ObjectMapper mapper;
    private final SubmissionReader submissions;
    private final int maxItems;
    private final CallbackTargets callbacks;
    private final ReplyQueues replyQueues;
    private final String defaultTenant;
    private final MessageContract contract;

    public BatchReader(ObjectMapper mapper, SubmissionReader submissions,
                       @Value("${hub.batch.max-items:1000}") int maxItems,
                       CallbackTargets callbacks, ReplyQueues replyQueues,
                       @Value("${hub.security.default-tenant:default}") String defaultTenant,
                       MessageContract contract) {
        this.mapper = mapper;
        this.contract = contract;
        this.defaultTenant = defaultTenant;
        this.submissions = submissions;
        this.maxItems = maxItems;
        this.callbacks = callbacks;
        this.replyQueues = replyQueues;
    }

    public void read(Exchange exchange) throws Exception {
        String body = SubmissionReader.utf8Body(exchange);
        String source = exchange.getProperty("source", "queue", String.class);
        String messageId = messageId(exchange);
        exchange.setProperty("batch", validate(body, messageId, source, exchange.getProperty("caller", Caller.class)));
    }

    /** {@code caller} is the REST caller, who owns the batch; null for a queue message, which names its owner. */
    ValidatedBatch validate(String body, String messageId, String source, Caller caller) throws Exception {
        JsonNode tree = tree(body);
        boolean queued = "queue".equals(source);
        if (queued && !tree.has("items") && tree.has("article")) {
            contract.requireArticle(tree);
            return validated(singleArticle(body, messageId), messageId, source);
        }
        int items = tree.path("items").size();
        if (items > maxItems) {
            throw new ProblemException(413, "batch-too-large", "Batch too large",
                    "The batch has " + items + " items; the limit is " + maxItems + ".",
                    Map.of("limit", maxItems, "actual", items));
        }
        if (queued) {
            contract.requireBatch(tree);
        }
        BatchSubmission batch = submissions.parse(body, BatchSubmission.class, KNOWN_FIELDS);
        return validated(caller == null ? batch : ownedBy(batch, caller), messageId, source);
    }

    /** Over REST the token names the owner: a submitter or tenant in the body is replaced by the token's. */
    private static BatchSubmission ownedBy(BatchSubmission batch, Caller caller) {
        return new BatchSubmission(batch.batchId(), caller.subject(), caller.tenant(), batch.items(),
                batch.replyTo());
    }

    /**
     * A single-article queue message is a batch of one. Its batchId is derived from the message id, or, when the
     * producer sets none, from the body's SHA-256, so that a redelivery maps onto the same rows.
     */
    private BatchSubmission singleArticle(String body, String messageId) {
        ArticleMessage message = submissions.parse(body, ArticleMessage.class, ARTICLE_FIELDS);
        String identity = messageId != null && !messageId.isBlank() ? messageId : "sha256:" + TextHash.sha256Hex(body);
        return new BatchSubmission("message:" + identity, message.submitter(), message.tenant(),
                List.of(message.submission()), message.replyTo());
    }

    private ValidatedBatch validated(BatchSubmission batch, String messageId, String source) throws Exception {
        requireText("batchId", batch.batchId(), MAX_ID_CHARS);
        requireText("submitter", batch.submitter(), MAX_ID_CHARS);
        String tenant = batch.tenant() == null ? defaultTenant : batch.tenant();
        requireText("tenant", tenant, MAX_ID_CHARS);
        if (batch.replyTo() != null) {
            checkReplyTo(batch.replyTo());
        }
        // The contract already refused an empty list, an item that is not an object and a missing or blank
        // externalRef (OpenAPI for REST, AsyncAPI for the queue).
        List<BatchJob> jobs = new ArrayList<>(batch.items().size());
        Set<String> refs = new HashSet<>();
        for (int i = 0; i < batch.items().size(); i++) {
            JobSubmission item = batch.items().get(i);
            if (!refs.add(item.externalRef())) {
                throw ProblemException.badRequest("items[" + i + "].externalRef '" + item.externalRef()
                        + "' appears twice; externalRef is unique within a batch.");
            }
            try {
                jobs.add(new BatchJob(BatchIds.jobId(batch.batchId(), item.externalRef()), submissions.check(item)));
            } catch (ProblemException e) {
                Map<String, Object> extensions = new LinkedHashMap<>(e.extensions());
                extensions.put("item", i);
                throw new ProblemException(e.status(), e.type(), e.title(), "items[" + i + "]: " + e.detail(),
                        extensions);
            }
        }
        return new ValidatedBatch(BatchIds.batchId(batch.batchId()), batch.batchId(), messageId, source,
                batch.submitter(), tenant, batch.replyTo(), List.copyOf(jobs));
    }

    /**
     * replyTo is a queue or topic name (letters, digits, '.', '_', '-') the operator allowed and that is none of the
     * hub's own queues ({@link ReplyQueues}), or an absolute {@code https://} URL with a host and no user info or
     * fragment that the hub may call ({@link CallbackTargets}: no internal address, in any spelling).
     */
    void checkReplyTo(String replyTo) {
        FieldChecks.maxLength("replyTo", replyTo, MAX_CALLBACK_CHARS);
        if (!replyTo.contains(":/")) {
            FieldChecks.maxLength("replyTo", replyTo, MAX_REPLY_TO_CHARS);
        }
        if (REPLY_TO.matcher(replyTo).matches()) {
            replyQueues.check(replyTo);
            return;
        }
        String rule = "replyTo must be a queue or topic name (letters, digits, '.', '_', '-', at most "
                + MAX_REPLY_TO_CHARS + " characters, 'topic:' in front for a topic) or an https:// callback URL";
        java.net.URI uri;
        try {
            uri = new java.net.URI(replyTo);
        } catch (java.net.URISyntaxException e) {
            throw ProblemException.badRequest(rule + "; '" + abbreviate(replyTo) + "' is not a valid URL: "
                    + e.getReason() + ".");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        boolean schemeOk = scheme.equals("https") && replyTo.startsWith("https://")
                || scheme.equals("http") && replyTo.startsWith("http://");
        if (!schemeOk) {
            throw ProblemException.badRequest(rule + "; got '" + abbreviate(replyTo) + "'.");
        }
        if (uri.getHost() == null && uri.getRawAuthority() != null && uri.getRawUserInfo() == null) {
            throw CallbackTargets.refused("the host is not a plain host name or address");
        }
        if (uri.getHost() == null || uri.getHost().isBlank() || uri.getRawUserInfo() != null
                || uri.getRawFragment() != null
                || replyTo.chars().anyMatch(c -> c <= ' ')) {
            throw ProblemException.badRequest(rule + " with a host, no user info, no fragment and at most "
                    + MAX_CALLBACK_CHARS + " characters; got '" + abbreviate(replyTo) + "'.");
        }
        callbacks.check(uri);
    }

    private static String abbreviate(String value) {
        return value.length() > 100 ? value.substring(0, 100) + "…" : value;
    }

    /** A 415 problem unless the request body is JSON. */
    public void requireJson(String contentType) {
        SubmissionReader.requireJson(contentType);
    }

    /**
     * The message's id for deduplication: the original id a retried message carries ({@link BatchDeferral}), else
     * the broker's message id (Service Bus), else the {@code messageId} header a local producer sets.
     */
    public String messageId(Exchange exchange) {
        String original = BatchDeferral.delivered(exchange, BatchDeferral.MESSAGE_ID);
        String broker = exchange.getIn().getHeader("CamelAzureServiceBusMessageId", String.class);
        return original != null ? original : broker != null && !broker.isBlank() ? broker : null;
    }

    private JsonNode tree(String body) {
        if (body == null || body.isBlank()) {
            throw malformed("the message is empty");
        }
        try {
            JsonNode tree = mapper.readTree(body);
            if (tree == null || !tree.isObject()) {
                throw malformed("a batch is a JSON object");
            }
            return tree;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw malformed(e.getOriginalMessage());
        }
    }

    private static ProblemException malformed(String why) {
        return new ProblemException(400, "malformed-json", "Malformed JSON", "The batch is not valid JSON: " + why);
    }

    private static void requireText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(field + " is required and must not be blank.");
        }
        FieldChecks.maxLength(field, value, max);
        FieldChecks.noControlCharacters(field, value);
    }
}
