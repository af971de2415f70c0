package hub.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.BlobItem;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The article blobs in Azurite's {@code articles} container, which other test runs share: tests compare blob names
 * before and after a request and look into the new ones, never at counts.
 */
final class ArticleBlobs {

    private final BlobContainerClient articles;

    ArticleBlobs(BlobServiceClient blobs) {
        this.articles = blobs.getBlobContainerClient("articles");
    }

    Set<String> names() {
        return articles.listBlobs().stream().map(BlobItem::getName).collect(Collectors.toSet());
    }

    String content(String name) {
        return articles.getBlobClient(name).downloadContent().toString();
    }

    /** No blob that appeared since {@code before} holds {@code needle}. */
    void assertNoNewBlobHolds(Set<String> before, String needle) {
        Set<String> added = names();
        added.removeAll(before);
        for (String name : added) {
            assertThat(content(name)).as(name).doesNotContain(needle);
        }
    }
}
