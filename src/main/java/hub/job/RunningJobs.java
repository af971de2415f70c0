package hub.job;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The jobs this instance is evaluating right now, between the claim and the end of process-job. Only their leases
 * are renewed: a job whose worker gave up (say, its completion failed while PostgreSQL was down) keeps no lease
 * alive and is taken over by the sweep once its lease runs out.
 */
@Component("runningJobs")
public class RunningJobs {

    private final Set<String> ids = ConcurrentHashMap.newKeySet();

    public void started(String jobId) {
        ids.add(jobId);
    }

    public void finished(String jobId) {
        ids.remove(jobId);
    }

    /** The ids as a PostgreSQL array literal ({@code {id,id}}), for renew-leases.sql; null when there are none. */
    public String idsArray() {
        return ids.isEmpty() ? null : "{" + String.join(",", ids) + "}";
    }
}
