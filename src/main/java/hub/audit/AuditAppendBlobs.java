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
 * landed by the length on the retry and not written twice.
 */
public class AuditAppendBlobs implements AuditStore {

    static final int MAX_BLOCK_BYTES = 4 * 1024 * 1024;

    private final BlobServiceClient blobs;
    private final String container;
    private final String instance;
    /** Per blob: the length it has once the last unconfirmed append landed. */
    private final Map<String, Long> unconfirmed = new ConcurrentHashMap<>();

    public AuditAppendBlobs(BlobServiceClient blobs, String container, String instance) {
        this.blobs = blobs;
        this.container = container;
        this.instance = instance;
    }

    @Override
    public void append(LocalDate day, byte[] lines) throws IOException {
        String name = day + "/" + instance + ".jsonl";
        try {
            BlobContainerClient folder = blobs.getBlobContainerClient(container);
            folder.createIfNotExists();
            AppendBlobClient blob = folder.getBlobClient(name).getAppendBlobClient();
            blob.createIfNotExists();
            long length = blob.getProperties().getBlobSize();
            Long landedAt = unconfirmed.remove(name);
            if (landedAt != null && landedAt == length) {
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
        } catch (RuntimeException e) {
            throw new IOException("Audit append to " + container + "/" + name + " failed: " + e.getMessage(), e);
        }
    }
}
