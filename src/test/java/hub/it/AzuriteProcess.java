package hub.it;

import java.io.File;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;

/**
 * An Azurite Blob server of the test's own, on its own port and folder, that the test may stop and start again
 * (the shared one on 10000 is never touched). The binary is the one scripts/test.sh installs into .tools/, or
 * AZURITE_BLOB_BIN.
 */
final class AzuriteProcess implements AutoCloseable {

    static final String KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private final int port;
    private final Path location;
    private Process process;

    private AzuriteProcess(int port, Path location) {
        this.port = port;
        this.location = location;
    }

    /** On a free port, its data in a new folder under target/ that {@link #close()} deletes. */
    static AzuriteProcess ofItsOwn(String folderPrefix) throws IOException {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        return new AzuriteProcess(port, Files.createTempDirectory(Path.of("target"), folderPrefix));
    }

    String connectionString() {
        return "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + KEY
                + ";BlobEndpoint=http://127.0.0.1:" + port + "/devstoreaccount1;";
    }

    AzuriteProcess start() throws IOException {
        Files.createDirectories(location);
        process = new ProcessBuilder(List.of(binary(), "--blobHost", "127.0.0.1", "--blobPort", Integer.toString(port),
                "--location", location.toString(), "--silent", "--skipApiVersionCheck"))
                .redirectErrorStream(true).redirectOutput(location.resolve("azurite.log").toFile()).start();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(this::listening);
        return this;
    }

    /** Azurite ignores SIGTERM once it logged "closed": stop it by its PID, then kill it. */
    void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(3, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        process = null;
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !listening());
    }

    private boolean listening() {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String binary() {
        for (String candidate : new String[] {System.getenv("AZURITE_BLOB_BIN"),
                ".tools/azurite/node_modules/.bin/azurite-blob", "/work/azurite-shared/node_modules/.bin/azurite-blob"}) {
            if (candidate != null && new File(candidate).canExecute()) {
                return new File(candidate).getAbsolutePath();
            }
        }
        throw new IllegalStateException("No azurite-blob: run scripts/test.sh once (it installs Azurite into .tools/)"
                + " or set AZURITE_BLOB_BIN");
    }

    @Override
    public void close() throws InterruptedException {
        stop();
        org.springframework.util.FileSystemUtils.deleteRecursively(location.toFile());
    }
}
