package hub.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** {@link SqlParameterConfig} populates statements without the message body: every parameter must be an expression. */
class SqlStatementsTest {

    /** Camel's named (:#name), expression (:#${...}) and positional (#) parameters. */
    private static final Pattern PARAMETER = Pattern.compile(":#(\\$\\{)?|(?<![:\\w'])#(?![\\w{])");

    @Test
    void everyStatementTakesItsParametersFromExpressions() throws IOException {
        for (Path file : statements()) {
            Matcher m = PARAMETER.matcher(Files.readString(file));
            while (m.find()) {
                assertThat(m.group()).as(file + " at " + m.start() + ": a parameter that is not :#${...}")
                        .isEqualTo(":#${");
            }
        }
    }

    /** The strategy reads every parameter expression of every statement, in order, and Simple compiles each. */
    @Test
    void theStrategyReadsEveryParameterExpressionAndEachCompiles() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.start();
            for (Path file : statements()) {
                String sql = Files.readString(file);
                int occurrences = sql.split(java.util.regex.Pattern.quote(":#${"), -1).length - 1;
                List<String> expressions = SqlParameterConfig.ExpressionParametersOnly.parameterExpressions(sql);
                assertThat(expressions).as(file.toString()).hasSize(occurrences);
                for (String expression : expressions) {
                    assertThat(SqlParameterConfig.ExpressionParametersOnly.compile(camel, expression)).as(expression)
                            .isNotNull();
                }
            }
            assertThat(SqlParameterConfig.ExpressionParametersOnly.parameterExpressions(
                    "UPDATE t SET a = :#${exchangeProperty.a}, b = CAST(:#${properties:x.y} AS int) WHERE c = :#${header.c}"))
                    .containsExactly("${exchangeProperty.a}", "${properties:x.y}", "${header.c}");
            // What the strategy gets at run time: the SQL producer has replaced the placeholder '#' with '?'.
            assertThat(SqlParameterConfig.ExpressionParametersOnly.parameterExpressions(
                    "UPDATE t SET a = :?${exchangeProperty.a} WHERE c = CAST(:?${header.c} AS uuid)"))
                    .containsExactly("${exchangeProperty.a}", "${header.c}");
        }
    }

    /**
     * Each statement's parameter count comes from its text, so that Camel never asks the driver (a round trip to
     * PostgreSQL per call); statements of another shape are left to the driver.
     */
    @Test
    void everyStatementsParameterCountIsReadFromItsText() throws IOException {
        for (Path file : statements()) {
            String sql = Files.readString(file);
            int occurrences = sql.split(java.util.regex.Pattern.quote(":#${"), -1).length - 1;
            assertThat(SqlParameterConfig.parameterCount(sql)).as(file.toString()).isEqualTo(occurrences);
            // As the producer holds it: the placeholder '#' replaced with '?'.
            assertThat(SqlParameterConfig.parameterCount(sql.replace('#', '?'))).as(file.toString()).isEqualTo(occurrences);
        }
        assertThat(SqlParameterConfig.parameterCount("SELECT * FROM t WHERE a = :#${header.a} AND b = ?")).isZero();
        assertThat(SqlParameterConfig.parameterCount("SELECT * FROM t WHERE a = :#a AND b = :#${header.b}")).isZero();
        assertThat(SqlParameterConfig.parameterCount("SELECT * FROM t WHERE id IN (:#in:${header.ids})")).isZero();
        assertThat(SqlParameterConfig.parameterCount("SELECT * FROM t WHERE doc ? 'key' AND a = :?${header.a}")).isZero();
    }

    /** A configuration property is read once, with its default; every other expression is evaluated per call. */
    @Test
    void propertiesAreReadOnceOtherExpressionsPerExchange() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            java.util.Properties properties = new java.util.Properties();
            properties.setProperty("hub.instance-id", "instance-a");
            camel.getPropertiesComponent().setInitialProperties(properties);
            camel.start();
            org.apache.camel.Exchange exchange = new org.apache.camel.support.DefaultExchange(camel);
            exchange.setProperty("attempt", 3);

            assertThat(SqlParameterConfig.ExpressionParametersOnly.compile(camel, "${properties:hub.instance-id}")
                    .evaluate(exchange, Object.class)).isEqualTo("instance-a");
            assertThat(SqlParameterConfig.ExpressionParametersOnly.compile(camel, "${properties:hub.missing:50}")
                    .evaluate(exchange, Object.class)).isEqualTo("50");
            assertThat(SqlParameterConfig.ExpressionParametersOnly.compile(camel, "${exchangeProperty.attempt}")
                    .evaluate(exchange, Object.class)).isEqualTo(3);
        }
    }

    private static List<Path> statements() throws IOException {
        List<Path> files;
        try (Stream<Path> sql = Files.list(Path.of("src/main/resources/sql"))) {
            files = sql.filter(p -> p.toString().endsWith(".sql")).toList();
        }
        assertThat(files).isNotEmpty();
        return files;
    }
}
