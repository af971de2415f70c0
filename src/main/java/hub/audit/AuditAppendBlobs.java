package hub.audit;

import com.azure.core.util.Context;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.AppendBlobRequestConditions;
import com.azure.storage.blob.specialized.AppendBlobClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Azure's audit log: an append blob per UTC day and instance, {@code <yyyy-MM-dd>/<instance>.jsonl}, in the
 * container {@code audit-logs} (immutable, WORM, by its policy in infra/arm). Only this instance appends to its blob,
 * so each append is conditioned on the blob's length (append position): an append whose answer was lost is found
 * landed by the length on the retry and not written twice. After a confirmed append the next one goes straight to the
 * known position: one request per flush instead of four. If anything else changed the blob, the append position
 * condition fails, and the retry starts again from the blob's properties.
 */
public class AuditAppendBlobs implements AuditStore {

    static final int MAX_BLOCK_BYTES = 4 * 1024 * 1024;

    private final BlobServiceClient blobs;
    private final String container;
    private final String instance;
    /** Per blob: the length it has once the last unconfirmed append landed. */
    private final Map<String, Long> unconfirmed = new ConcurrentHashMap<>();
    /** Per blob: its length after this instance's last confirmed append; absent after any failure. */
    private final Map<String, Long> confirmed = new ConcurrentHashMap<>();

    public AuditAppendBlobs(BlobServiceClient blobs, String container, String instance) {
        this.blobs = blobs;
        this.container = container;
        this.instance = instance;
    }

    @Override
    public void append(LocalDate day, byte[] lines) throws IOException {
        String name = day + "/" + instance + ".jsonl";
        try {
            AppendBlobClient blob = blobs.getBlobContainerClient(container).getBlobClient(name).getAppendBlobClient();
            Long known = confirmed.remove(name);
            long length = known != null ? known : prepare(name, blob);
            if (length < 0) {
                return;
            }
            for (int from = 0; from < lines.length; from += MAX_BLOCK_BYTES) {
                int size = Math.min(MAX_BLOCK_BYTES, lines.length - from);
                unconfirmed.put(name, length + size);
                blob.appendBlockWithResponse(new ByteArrayInputStream(lines, from, size), size, null,
                        new AppendBlobRequestConditions().setAppendPosition(length), null, Context.NONE);
                unconfirmed.remove(name);
                length += size;
            }
            confirmed.put(name, length);
        } catch (RuntimeException e) {
            throw new IOException("Audit append to " + container + "/" + name + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Makes sure the container and the blob exist and returns the blob's length, or -1 when the last unconfirmed
     * append turns out to have landed. Only needed when this instance does not know the length from its own last
     * confirmed append (first append of the day, or after a failure).
     */
    private long prepare(String name, AppendBlobClient blob) {
        blobs.getBlobContainerClient(container).createIfNotExists();
        blob.createIfNotExists();
        long length = blob.getProperties().getBlobSize();
        Long landedAt = unconfirmed.remove(name);
        return landedAt != null && landedAt == length ? -1 : length;
    }
}
