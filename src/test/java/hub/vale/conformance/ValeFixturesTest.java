package hub.vale.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The project's own Vale fixtures ({@code src/test/resources/vale-fixtures}, laid out as the public packages are):
 * every expected alert reproduced, none extra. scripts/test.sh runs them through scripts/vale-conformance.sh too.
 * A package whose spelling rules find no Hunspell dictionary is skipped, saying so, except under {@code CI=true}.
 */
class ValeFixturesTest {

    static final Path FIXTURES = Path.of("src/test/resources/vale-fixtures");

    @TestFactory
    Stream<DynamicTest> everyFixturePackageIsReproducedExactly() throws IOException {
        List<Path> packages;
        try (Stream<Path> dirs = Files.list(FIXTURES)) {
            packages = dirs.filter(d -> Files.isRegularFile(d.resolve("testdata/test.ct"))).sorted().toList();
        }
        assertThat(packages).isNotEmpty();
        return packages.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            ConformanceCommand.Totals totals = ConformanceCommand.measure(dir,
                    new PrintStream(buffer, true, StandardCharsets.UTF_8), 50);
            String report = buffer.toString(StandardCharsets.UTF_8);
            Assumptions.assumeFalse(report.contains("no Hunspell dictionary") && !"true".equals(System.getenv("CI")),
                    "Hunspell dictionaries missing (apt-get install hunspell-en-us hunspell-de-de; scripts/test.sh "
                            + "installs them): " + dir.getFileName() + " skipped\n" + report);
            assertThat(totals.expected()).as(report).isPositive();
            assertThat(totals.reproduced()).as(report).isEqualTo(totals.expected());
            assertThat(totals.extra()).as(report).isZero();
        }));
    }
}
