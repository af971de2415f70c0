package hub.batch;

import hub.store.SqlValues;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import hub.problem.ProblemException;
import hub.security.Caller;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/** The JSON the API shows for batches and dead letters, built from rows as camel-sql returns them. */
@Component("batchViews")
public class BatchViews {

    private static final java.util.regex.Pattern PLAIN_NUMBER = java.util.regex.Pattern.compile("[0-9]{1,9}");

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;
    static final List<String> STATUSES = List.of("QUEUED", "RUNNING", "COMPLETED", "FAILED");

    private final ObjectMapper mapper;

    public BatchViews(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The 202 body of a batch submission; {@code duplicate} when the batch was stored before. */
    public String accepted(ValidatedBatch batch, boolean created) throws JsonProcessingException {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", batch.id());
        view.put("batchId", batch.batchId());
        view.put("items", batch.jobs().size());
        view.put("duplicate", !created);
        view.put("links", links(batch.id()));
        return mapper.writeValueAsString(view);
    }

    /** Reads {@code page} (from 0) and {@code size} (1 to 100) into the properties pageNumber, pageSize, pageOffset. */
    public void page(Exchange exchange) {
        int page = number(exchange.getIn().getHeader("page", String.class), 0, "page");
        int size = number(exchange.getIn().getHeader("size", String.class), DEFAULT_PAGE_SIZE, "size");
        if (page < 0) {
            throw ProblemException.badRequest("page must be 0 or more.");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ProblemException.badRequest("size must be 1 to " + MAX_PAGE_SIZE + ".");
        }
        exchange.setProperty("pageNumber", page);
        exchange.setProperty("pageSize", size);
        exchange.setProperty("pageOffset", (long) page * size);
    }

    /** Batch ids are UUIDs; anything else cannot name a batch. */
    public String requireBatchId(String id) {
        try {
            return UUID.fromString(id).toString();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.notFound("Batch", String.valueOf(id));
        }
    }

    /** The caller's own batch id from {@code ?batchId=}; a 400 problem when it is missing or blank. */
    public String requireExternalBatchId(String batchId) {
        if (batchId == null || batchId.isBlank()) {
            throw ProblemException.badRequest("The query parameter batchId (the batchId you submitted) is required.");
        }
        return batchId;
    }

    /** The hub's id of the batch found by the caller's batchId; a 404 problem when there is none. */
    public String requireFound(Object id, String batchId) {
        if (id == null) {
            throw ProblemException.notFound("Batch", batchId);
        }
        return String.valueOf(id);
    }

    /** A batch row, or a 404 problem when there is none or the caller may not see it (as for jobs). */
    public Map<String, Object> requireRow(Map<String, Object> row, String batchId, Caller caller) {
        if (row == null || !caller.mayRead(row.get("submitter"), row.get("submitter_tenant"))) {
            throw ProblemException.notFound("Batch", batchId);
        }
        return row;
    }

    /** The batch document: counts per status, progress and one page of job links. */
    public String status(Map<String, Object> batch, List<Map<String, Object>> counts, List<Map<String, Object>> jobs,
                         int page, int size) throws JsonProcessingException {
        String id = String.valueOf(batch.get("id"));
        int total = ((Number) batch.get("item_count")).intValue();
        Map<String, Long> perStatus = new LinkedHashMap<>();
        STATUSES.forEach(s -> perStatus.put(s, 0L));
        counts.forEach(c -> perStatus.put(String.valueOf(c.get("status")), ((Number) c.get("jobs")).longValue()));
        long finished = perStatus.get("COMPLETED") + perStatus.get("FAILED");

        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", id);
        view.put("batchId", batch.get("external_batch_id"));
        view.put("submitter", batch.get("submitter"));
        putIfPresent(view, "replyTo", batch.get("reply_to"));
        view.put("items", total);
        view.put("counts", perStatus);
        view.put("progress", total == 0 ? 1.0 : Math.round(1000.0 * finished / total) / 1000.0);
        view.put("createdAt", SqlValues.instant(batch.get("created_at")));
        putIfPresent(view, "completedAt", SqlValues.instant(batch.get("completed_at")));
        putIfPresent(view, "completionEvent", completionEvent(batch));
        List<Map<String, Object>> jobViews = new ArrayList<>();
        for (Map<String, Object> job : jobs) {
            Map<String, Object> j = new LinkedHashMap<>();
            String jobId = String.valueOf(job.get("id"));
            j.put("jobId", jobId);
            j.put("externalRef", job.get("external_ref"));
            j.put("status", job.get("status"));
            j.put("links", Map.of("self", "/api/v1/jobs/" + jobId, "result", "/api/v1/jobs/" + jobId + "/result"));
            jobViews.add(j);
        }
        view.put("jobs", pageOf(jobViews, page, size, total, "/api/v1/batches/" + id));
        view.put("links", links(id));
        return mapper.writeValueAsString(view);
    }

    /** One page of a batch's results: every job with its status, and its report once it is COMPLETED. */
    public String results(Map<String, Object> batch, List<Map<String, Object>> rows, int page, int size)
            throws JsonProcessingException {
        String id = String.valueOf(batch.get("id"));
        int total = ((Number) batch.get("item_count")).intValue();
        List<Map<String, Object>> items = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("jobId", String.valueOf(row.get("id")));
            item.put("externalRef", row.get("external_ref"));
            item.put("status", row.get("status"));
            putIfPresent(item, "error", row.get("error"));
            if (row.get("report") != null) {
                item.put("report", new RawValue(String.valueOf(row.get("report"))));
            }
            items.add(item);
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", id);
        view.put("results", pageOf(items, page, size, total, "/api/v1/batches/" + id + "/results"));
        return mapper.writeValueAsString(view);
    }

    /**
     * The delivery state of the batch's completion event (null before the batch completed, or without a replyTo):
     * PENDING (not yet delivered, retried at nextAttemptAt), DELIVERED, or FAILED (the hub gave up).
     */
    static Map<String, Object> completionEvent(Map<String, Object> batch) {
        if (!Boolean.TRUE.equals(batch.get("event_exists"))) {
            return null;
        }
        Map<String, Object> event = new LinkedHashMap<>();
        Object delivered = batch.get("event_delivered_at");
        Object next = batch.get("event_next_attempt_at");
        event.put("state", delivered != null ? "DELIVERED" : next == null ? "FAILED" : "PENDING");
        event.put("destination", batch.get("event_destination"));
        event.put("attempts", batch.get("event_attempts"));
        putIfPresent(event, "deliveredAt", SqlValues.instant(delivered));
        if (delivered == null) {
            putIfPresent(event, "nextAttemptAt", SqlValues.instant(next));
        }
        putIfPresent(event, "lastError", batch.get("event_last_error"));
        return event;
    }

    /** One page of the dead-letter store, newest first. */
    public String deadLetters(List<Map<String, Object>> rows, long total, int page, int size)
            throws JsonProcessingException {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", row.get("id"));
            item.put("source", row.get("source"));
            putIfPresent(item, "messageId", row.get("message_id"));
            item.put("reason", row.get("reason"));
            item.put("description", row.get("description"));
            item.put("receivedAt", SqlValues.instant(row.get("received_at")));
            putIfPresent(item, "payload", row.get("payload"));
            items.add(item);
        }
        return mapper.writeValueAsString(pageOf(items, page, size, total, "/api/v1/admin/dead-letters"));
    }

    private static Map<String, Object> pageOf(List<Map<String, Object>> items, int page, int size, long total,
                                              String path) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("page", page);
        view.put("size", size);
        view.put("total", total);
        view.put("items", items);
        Map<String, String> links = new LinkedHashMap<>();
        if (page > 0) {
            links.put("prev", path + "?page=" + (page - 1) + "&size=" + size);
        }
        if ((long) (page + 1) * size < total) {
            links.put("next", path + "?page=" + (page + 1) + "&size=" + size);
        }
        view.put("links", links);
        return view;
    }

    private static Map<String, String> links(String id) {
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", "/api/v1/batches/" + id);
        links.put("results", "/api/v1/batches/" + id + "/results");
        return links;
    }

    /**
     * An absent parameter is its default; a given one must be plain decimal digits (no sign, no space, not empty, at
     * most 9 digits): {@code ?size=}, {@code ?size=+5} and {@code ?size=%2010} are refused, never read as a default or
     * trimmed. The value is not repeated in the detail.
     */
    static int number(String value, int fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (!PLAIN_NUMBER.matcher(value).matches()) {
            throw new ProblemException(400, "invalid-parameter", "Invalid query parameter",
                    name + " must be a plain decimal number (digits only, no sign or spaces).", Map.of("parameter", name));
        }
        return Integer.parseInt(value);
    }

    private static void putIfPresent(Map<String, Object> view, String key, Object value) {
        if (value != null) {
            view.put(key, value);
        }
    }
}
