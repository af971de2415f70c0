package hub.job;

import hub.store.SqlValues;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import hub.problem.ProblemException;
import hub.security.Caller;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The JSON the API shows for jobs, built from {@code jobs} rows as camel-sql returns them. */
@Component("jobViews")
public class JobViews {

    private final ObjectMapper mapper;
    private final JobProgress progress;

    public JobViews(ObjectMapper mapper, JobProgress progress) {
        this.mapper = mapper;
        this.progress = progress;
    }

    /** The 202 body of a submission. */
    public String accepted(String jobId) throws JsonProcessingException {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("jobId", jobId);
        view.put("status", "QUEUED");
        view.put("links", links(jobId));
        return mapper.writeValueAsString(view);
    }

    /** The status document of a job row. */
    public String status(Map<String, Object> row) throws JsonProcessingException {
        String jobId = String.valueOf(row.get("id"));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("jobId", jobId);
        view.put("status", row.get("status"));
        putIfPresent(view, "externalRef", row.get("external_ref"));
        view.put("guidelineSet", Map.of("id", row.get("guideline_set_id"), "version", row.get("guideline_set_version")));
        view.put("attempts", row.get("attempts"));
        view.put("createdAt", SqlValues.instant(row.get("created_at")));
        putIfPresent(view, "startedAt", SqlValues.instant(row.get("started_at")));
        putIfPresent(view, "completedAt", SqlValues.instant(row.get("completed_at")));
        view.put("updatedAt", SqlValues.instant(row.get("updated_at")));
        putIfPresent(view, "error", row.get("error"));
        if ("RUNNING".equals(row.get("status"))) {
            putIfPresent(view, "progress", progress.of(jobId));
        }
        view.put("links", links(jobId));
        return mapper.writeValueAsString(view);
    }

    /**
     * A job row from the database, or a 404 problem when there is none or the caller may not see it: the answer
     * does not tell another user's job from a job that does not exist.
     */
    public Map<String, Object> requireRow(Map<String, Object> row, String jobId, Caller caller) {
        if (row == null || !caller.mayRead(row.get("submitter_subject"), row.get("submitter_tenant"))) {
            throw ProblemException.notFound("Job", jobId);
        }
        return row;
    }

    /** The stored report of a completed job; before completion, or after failure, a 409 problem saying why. */
    public String result(Map<String, Object> row, String jobId, Caller caller) {
        String status = String.valueOf(requireRow(row, jobId, caller).get("status"));
        return switch (status) {
            case "COMPLETED" -> (String) row.get("report");
            case "FAILED" -> throw new ProblemException(409, "job-failed", "Job failed",
                    "Job " + jobId + " failed, so it has no report: " + row.get("error"),
                    Map.of("jobStatus", status, "jobId", jobId));
            default -> throw new ProblemException(409, "job-not-completed", "Job not completed",
                    "Job " + jobId + " is " + status + "; its report is available once it is COMPLETED.",
                    Map.of("jobStatus", status, "jobId", jobId, "links", links(jobId)));
        };
    }

    /** Job ids are UUIDs; anything else cannot name a job, so it is a 404 without a database round trip. */
    public String requireJobId(String id) {
        try {
            return UUID.fromString(id).toString();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.notFound("Job", String.valueOf(id));
        }
    }

    private static Map<String, String> links(String jobId) {
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", "/api/v1/jobs/" + jobId);
        links.put("result", "/api/v1/jobs/" + jobId + "/result");
        return links;
    }

    private static void putIfPresent(Map<String, Object> view, String key, Object value) {
        if (value != null) {
            view.put(key, value);
        }
    }
}
