package hub.audit;

import com.azure.core.util.Context;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.AppendBlobRequestConditions;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.specialized.AppendBlobClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Azure's audit log: an append blob per UTC day and instance, {@code <yyyy-MM-dd>/<instance>.jsonl}, in the
 * container {@code audit-logs} (immutable, WORM, by its policy in infra/arm). Azure takes at most 50,000 appends
 * (blocks) into one append blob, and the log appends about once a second under steady traffic, so a day goes on in
 * numbered parts, {@code <instance>.1.jsonl}, {@code <instance>.2.jsonl}..., each begun when the one before has no
 * room for the next append. Only this instance appends to its blobs, so each append is conditioned on the blob's
 * length (append position): an append whose answer was lost is found landed by the length on the retry and not
 * written twice. After a confirmed append the next one goes straight to the known position and block count: one
 * request per flush instead of four. If anything else changed the blob, the append position condition fails, and the
 * retry starts again from the blob's properties.
 */
public class AuditAppendBlobs implements AuditStore {

    static final int MAX_BLOCK_BYTES = 4 * 1024 * 1024;
    /** Azure's limit of committed blocks in an append blob. */
    static final int MAX_BLOCKS = 50_000;

    private final BlobServiceClient blobs;
    private final String container;
    private final String instance;
    private final int maxBlocks;
    /** Per day: the part this instance appends to (0 until it finds one full). */
    private final Map<LocalDate, Integer> parts = new ConcurrentHashMap<>();
    /** Per blob: the length it has once the last unconfirmed append landed. */
    private final Map<String, Long> unconfirmed = new ConcurrentHashMap<>();
    /** Per blob: its length and blocks after this instance's last confirmed append; absent after any failure. */
    private final Map<String, Position> confirmed = new ConcurrentHashMap<>();

    private record Position(long length, int blocks) {}

    public AuditAppendBlobs(BlobServiceClient blobs, String container, String instance) {
        this(blobs, container, instance, MAX_BLOCKS);
    }

    /** With a lower limit of blocks per blob than Azure's, for tests of the parts. */
    public AuditAppendBlobs(BlobServiceClient blobs, String container, String instance, int maxBlocks) {
        this.blobs = blobs;
        this.container = container;
        this.instance = instance;
        this.maxBlocks = maxBlocks;
    }

    @Override
    public void append(LocalDate day, byte[] lines) throws IOException {
        int needed = Math.max(1, (lines.length + MAX_BLOCK_BYTES - 1) / MAX_BLOCK_BYTES);
        if (needed > maxBlocks) {
            throw new IOException("An audit batch of " + lines.length + " bytes needs more blocks than a blob takes");
        }
        int part = parts.getOrDefault(day, 0);
        String name = name(day, part);
        try {
            while (true) {
                AppendBlobClient blob = blobs.getBlobContainerClient(container).getBlobClient(name).getAppendBlobClient();
                Position known = confirmed.remove(name);
                Position at = known != null ? known : prepare(name, blob);
                if (at == null) {
                    return;
                }
                if (at.blocks() + needed > maxBlocks) {
                    // A batch's blocks stay in one blob, so that no line is cut between two parts.
                    part++;
                    parts.put(day, part);
                    name = name(day, part);
                    continue;
                }
                long length = at.length();
                int blocks = at.blocks();
                for (int from = 0; from < lines.length; from += MAX_BLOCK_BYTES) {
                    int size = Math.min(MAX_BLOCK_BYTES, lines.length - from);
                    unconfirmed.put(name, length + size);
                    blob.appendBlockWithResponse(new ByteArrayInputStream(lines, from, size), size, null,
                            new AppendBlobRequestConditions().setAppendPosition(length), null, Context.NONE);
                    unconfirmed.remove(name);
                    length += size;
                    blocks++;
                }
                confirmed.put(name, new Position(length, blocks));
                return;
            }
        } catch (RuntimeException e) {
            throw new IOException("Audit append to " + container + "/" + name + " failed: " + e.getMessage(), e);
        }
    }

    /** The day's blob of this instance: part 0 is {@code <day>/<instance>.jsonl}, part n {@code <instance>.n.jsonl}. */
    String name(LocalDate day, int part) {
        return day + "/" + instance + (part == 0 ? "" : "." + part) + ".jsonl";
    }

    /**
     * Makes sure the container and the blob exist and returns the blob's length and blocks, or null when the last
     * unconfirmed append turns out to have landed. Only needed when this instance does not know them from its own
     * last confirmed append (first append of the day or part, or after a failure).
     */
    private Position prepare(String name, AppendBlobClient blob) {
        blobs.getBlobContainerClient(container).createIfNotExists();
        blob.createIfNotExists();
        BlobProperties properties = blob.getProperties();
        long length = properties.getBlobSize();
        Long landedAt = unconfirmed.remove(name);
        if (landedAt != null && landedAt == length) {
            return null;
        }
        Integer blocks = properties.getCommittedBlockCount();
        return new Position(length, blocks == null ? 0 : blocks);
    }
}
