package hub.incremental;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hub.article.ArticleUnits;
import hub.report.model.UnitChanges;
import hub.problem.ProblemException;
import hub.security.Caller;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The {@code previousJobId} of a re-submission: checked at submission (it must name a job the caller may read, else
 * 422 previous-job-not-found, which never tells another caller's job from an unknown one), kept in the job's
 * options, and used by the worker to count the units that changed since.
 */
@Component("previousJobs")
public class PreviousJobs {

    /** The exchange property with the previous job's id. */
    public static final String PROPERTY = "previousJobId";
    private static final String OPTION = "previousJobId";

    private final ObjectMapper mapper;

    public PreviousJobs(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The id in canonical form, null when none was given, or 422 when it cannot name a job. */
    public static String requireWellFormed(String previousJobId) {
        if (previousJobId == null) {
            return null;
        }
        try {
            return UUID.fromString(previousJobId.trim()).toString();
        } catch (IllegalArgumentException e) {
            throw notFound(previousJobId);
        }
    }

    /** The options JSON of the new job with the previous job's id added. */
    public static String optionsWith(ObjectMapper mapper, String optionsJson, String previousJobId)
            throws JsonProcessingException {
        ObjectNode options = (ObjectNode) mapper.readTree(optionsJson);
        options.put(OPTION, previousJobId);
        return mapper.writeValueAsString(options);
    }

    /** Passes when {@code row} (the previous job's, or null) is a job the caller may read. */
    public void requireReadable(Map<String, Object> row, String previousJobId, Caller caller) {
        if (row == null || caller == null || !caller.mayRead(row.get("submitter_subject"), row.get("submitter_tenant"))) {
            throw notFound(previousJobId);
        }
    }

    /** The previous job's id from a job row's options, or null. */
    public String fromOptions(Map<String, Object> jobRow) throws JsonProcessingException {
        Object options = jobRow == null ? null : jobRow.get("options");
        if (options == null) {
            return null;
        }
        var id = mapper.readTree(options.toString()).get(OPTION);
        return id == null || id.isNull() ? null : id.asText();
    }

    /**
     * The change count against the previous job's unit hashes (a JSON array, null when that job has not completed):
     * all units count as added when they are unknown.
     */
    public UnitChanges changes(Object previousUnitHashes, List<ArticleUnits.Unit> units)
            throws JsonProcessingException {
        List<String> now = units.stream().map(ArticleUnits.Unit::hash).toList();
        if (previousUnitHashes == null) {
            return UnitChanges.allAdded(now.size());
        }
        List<String> before = List.of(mapper.readValue(previousUnitHashes.toString(), String[].class));
        return UnitChanges.between(before, now);
    }

    private static ProblemException notFound(String previousJobId) {
        String shown = previousJobId.length() > 64 ? previousJobId.substring(0, 64) + "..." : previousJobId;
        return new ProblemException(422, "previous-job-not-found", "Previous job not found",
                "previousJobId '" + shown + "' names no job of yours; submit without it for a full check.");
    }
}
