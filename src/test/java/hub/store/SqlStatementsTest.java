package hub.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@link SqlParameterConfig} populates statements without the message body: every parameter must be an expression. */
class SqlStatementsTest {

    /** Camel's named (:#name), expression (:#${...}) and positional (#) parameters. */
    private static final Pattern PARAMETER = Pattern.compile(":#(\\$\\{)?|(?<![:\\w'])#(?![\\w{])");

    @Test
    void everyStatementTakesItsParametersFromExpressions() throws IOException {
        List<Path> files;
        try (Stream<Path> sql = Files.list(Path.of("src/main/resources/sql"))) {
            files = sql.filter(p -> p.toString().endsWith(".sql")).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            Matcher m = PARAMETER.matcher(Files.readString(file));
            while (m.find()) {
                assertThat(m.group()).as(file + " at " + m.start() + ": a parameter that is not :#${...}")
                        .isEqualTo(":#${");
            }
        }
    }
}
