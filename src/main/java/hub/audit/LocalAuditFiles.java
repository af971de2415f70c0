package hub.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;

/** The embedded profile's audit log: {@code <dir>/<yyyy-MM-dd>.jsonl}, opened for append only. */
public class LocalAuditFiles implements AuditStore {

    private final Path dir;

    public LocalAuditFiles(Path dir) {
        this.dir = dir;
    }

    @Override
    public void append(LocalDate day, byte[] lines) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve(day + ".jsonl"), lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE, StandardOpenOption.SYNC);
    }
}
