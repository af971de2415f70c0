package hub.batch;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic ids (name-based UUIDs): the same batch message always yields the same batch and job ids, which is
 * what makes a redelivery after a crash insert nothing new.
 */
public final class BatchIds {

    private BatchIds() {
    }

    public static String batchId(String externalBatchId) {
        return nameUuid("batch\n" + externalBatchId);
    }

    public static String jobId(String externalBatchId, String externalRef) {
        return nameUuid("batch-job\n" + externalBatchId + "\n" + externalRef);
    }

    private static String nameUuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
