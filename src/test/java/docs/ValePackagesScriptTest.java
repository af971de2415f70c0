package docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/vale-packages.sh, which scripts/test.sh sources: under CI=true missing or incomplete Vale conformance data
 * fails the run instead of skipping it, a package without testdata/test.ct is named as skipped, and a wrong
 * VALE_CONFORMANCE_DIR fails everywhere.
 */
class ValePackagesScriptTest {

    @TempDir
    Path dir;

    @Test
    void completeDataRunsEveryPackage() throws Exception {
        for (String p : new String[] {"Microsoft", "write-good", "Joblint"}) {
            Files.createDirectories(dir.resolve(p + "/testdata"));
            Files.writeString(dir.resolve(p + "/testdata/test.ct"), "");
        }
        Result r = run(true, dir.toString());
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("packages: 3").doesNotContain("Vale conformance:");
    }

    @Test
    void incompleteDataFailsUnderCiAndIsReportedElsewhere() throws Exception {
        Files.createDirectories(dir.resolve("Microsoft/testdata"));
        Files.writeString(dir.resolve("Microsoft/testdata/test.ct"), "");
        Files.createDirectories(dir.resolve("write-good"));
        Result ci = run(true, dir.toString());
        assertThat(ci.exit()).isEqualTo(1);
        assertThat(ci.output()).contains("skipping package write-good: no testdata/test.ct")
                .contains("package Joblint is missing").contains("failing");
        Result local = run(false, dir.toString());
        assertThat(local.exit()).isZero();
        assertThat(local.output()).contains("skipping package write-good").contains("packages: 1");
    }

    @Test
    void aWrongFolderFailsAndNoDataFailsUnderCi() throws Exception {
        assertThat(run(false, dir.resolve("nowhere").toString()).exit()).isEqualTo(1);
        Result none = run(true, dir.resolve("nowhere").toString());
        assertThat(none.output()).contains("is not a folder");
    }

    private record Result(int exit, String output) {
    }

    private static Result run(boolean ci, String valeDir) throws IOException, InterruptedException {
        ProcessBuilder bash = new ProcessBuilder("bash", "-c",
                "set -euo pipefail; source scripts/vale-packages.sh; vale_packages; echo \"packages: ${#vale_package_dirs[@]}\"")
                .redirectErrorStream(true);
        bash.environment().put("VALE_CONFORMANCE_DIR", valeDir);
        if (ci) {
            bash.environment().put("CI", "true");
        } else {
            bash.environment().remove("CI");
        }
        Process p = bash.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }
}
