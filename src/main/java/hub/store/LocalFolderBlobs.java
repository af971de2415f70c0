package hub.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.Header;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads blobs from the local folder that stands in for Azure Blob Storage in the embedded default (writes go
 * through camel-file). A container is a sub-folder; blob names may not climb out of it.
 */
@Component("localFolderBlobs")
public class LocalFolderBlobs {

    private final Path root;

    public LocalFolderBlobs(@Value("${hub.data-dir}/blobs") Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public String read(@Header("CamelAzureStorageBlobBlobContainerName") String container,
                       @Header("CamelAzureStorageBlobBlobName") String name) throws IOException {
        Path file = root.resolve(container).resolve(name).normalize();
        if (!file.startsWith(root.resolve(container))) {
            throw new IllegalArgumentException("Blob name escapes its container: " + name);
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
