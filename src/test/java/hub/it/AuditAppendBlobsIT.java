package hub.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import hub.audit.AuditAppendBlobs;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Azure takes at most 50,000 appends into one append blob; the audit log appends about once a second under steady
 * traffic, so a day's log goes on in numbered parts. On the real Azurite, with a limit of 3 blocks per blob.
 */
class AuditAppendBlobsIT {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 8);

    @Test
    void aFullBlobGoesOnInTheNextPartAlsoAfterARestartAndEveryDayStartsAtTheFirst() throws Exception {
        try (AzuriteProcess azurite = AzuriteProcess.ofItsOwn("audit-parts-azurite-").start()) {
            BlobServiceClient blobs = new BlobServiceClientBuilder().connectionString(azurite.connectionString())
                    .buildClient();
            AuditAppendBlobs store = new AuditAppendBlobs(blobs, "audit-logs", "hub-1", 3);
            for (int i = 0; i < 7; i++) {
                store.append(DAY, line(i));
            }

            assertThat(contents(blobs)).containsExactly(
                    Map.entry("2026-12-08/hub-1.1.jsonl", "3\n4\n5\n"),
                    Map.entry("2026-12-08/hub-1.2.jsonl", "6\n"),
                    Map.entry("2026-12-08/hub-1.jsonl", "0\n1\n2\n"));

            AuditAppendBlobs restarted = new AuditAppendBlobs(blobs, "audit-logs", "hub-1", 3);
            restarted.append(DAY, line(7));
            restarted.append(DAY.plusDays(1), line(8));

            Map<String, String> after = contents(blobs);
            assertThat(after).containsEntry("2026-12-08/hub-1.2.jsonl", "6\n7\n")
                    .containsEntry("2026-12-08/hub-1.jsonl", "0\n1\n2\n")
                    .containsEntry("2026-12-09/hub-1.jsonl", "8\n").hasSize(4);
            BlobContainerClient container = blobs.getBlobContainerClient("audit-logs");
            assertThat(container.getBlobClient("2026-12-08/hub-1.jsonl").getProperties().getCommittedBlockCount())
                    .as("blocks of a full part").isEqualTo(3);
        }
    }

    private static byte[] line(int n) {
        return (n + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> contents(BlobServiceClient blobs) {
        BlobContainerClient container = blobs.getBlobContainerClient("audit-logs");
        Map<String, String> contents = new LinkedHashMap<>();
        for (BlobItem item : container.listBlobs()) {
            contents.put(item.getName(), container.getBlobClient(item.getName()).downloadContent().toString());
        }
        return contents;
    }
}
