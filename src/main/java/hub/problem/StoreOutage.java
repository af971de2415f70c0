package hub.problem;

import com.azure.storage.blob.models.BlobStorageException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.io.UncheckedIOException;
import org.springframework.dao.DataAccessException;

/**
 * Recognises failures of the infrastructure (database, blob store, cache) as opposed to bugs or bad data. A blob
 * that does not exist is not an outage: waiting will not bring it back.
 */
public final class StoreOutage {

    private StoreOutage() {
    }

    public static boolean isCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof NoSuchFileException
                    || c instanceof BlobStorageException b && b.getStatusCode() == 404) {
                return false;
            }
            if (c instanceof IOException || c instanceof UncheckedIOException || c instanceof DataAccessException
                    || c instanceof java.sql.SQLException
                    || c.getClass().getName().startsWith("com.azure.")
                    || c.getClass().getName().startsWith("io.lettuce.")
                    || c.getClass().getName().startsWith("org.springframework.data.redis.")) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }
}
