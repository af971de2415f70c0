package hub.audit;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.specialized.AppendBlobClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;

/**
 * Azure's audit log: an append blob per UTC day and instance, {@code <yyyy-MM-dd>/<instance>.jsonl}, in the
 * container {@code audit-logs} (immutable, WORM, by its policy in infra/arm). Blocks are at most 4 MiB.
 */
public class AuditAppendBlobs implements AuditStore {

    static final int MAX_BLOCK_BYTES = 4 * 1024 * 1024;

    private final BlobServiceClient blobs;
    private final String container;
    private final String instance;

    public AuditAppendBlobs(BlobServiceClient blobs, String container, String instance) {
        this.blobs = blobs;
        this.container = container;
        this.instance = instance;
    }

    @Override
    public void append(LocalDate day, byte[] lines) throws IOException {
        try {
            BlobContainerClient folder = blobs.getBlobContainerClient(container);
            folder.createIfNotExists();
            AppendBlobClient blob = folder.getBlobClient(day + "/" + instance + ".jsonl").getAppendBlobClient();
            blob.createIfNotExists();
            for (int from = 0; from < lines.length; from += MAX_BLOCK_BYTES) {
                int length = Math.min(MAX_BLOCK_BYTES, lines.length - from);
                blob.appendBlock(new ByteArrayInputStream(lines, from, length), length);
            }
        } catch (RuntimeException e) {
            throw new IOException("Audit append to " + container + " failed: " + e.getMessage(), e);
        }
    }
}
