package hub.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Runs scripts/addin-manifest.sh as a user would: the hub's URL as argument, the client id in the environment. */
final class AddinManifestScript {

    /** What the script printed: its exit code, the manifest on stdout and the messages on stderr. */
    record Result(int exitCode, String manifest, String messages) {
    }

    private AddinManifestScript() {
    }

    static Result run(String url, String clientId) throws IOException, InterruptedException {
        ProcessBuilder script = new ProcessBuilder("bash", "scripts/addin-manifest.sh", url);
        script.environment().remove("HUB_ADDIN_CLIENT_ID");
        if (clientId != null) {
            script.environment().put("HUB_ADDIN_CLIENT_ID", clientId);
        }
        Process process = script.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("scripts/addin-manifest.sh did not finish");
        }
        return new Result(process.exitValue(), out, err);
    }
}
