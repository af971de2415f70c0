package hub.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.component.sql.DefaultSqlPrepareStatementStrategy;
import org.apache.camel.component.sql.SqlEndpoint;
import org.apache.camel.component.sql.SqlHelper;
import org.apache.camel.support.ExpressionAdapter;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.stereotype.Component;

/**
 * Every statement in {@code sql/} takes its parameters from {@code :#${...}} expressions only (a test keeps it so).
 * Camel's default strategy parses the statement again on every call, and for every parameter converts the message
 * body to a Map: for a body that is a String or a record that is a type-converter miss, which Camel does not cache,
 * a scan of every registered converter (together a fifth of a submission's CPU in a profile). The SQL endpoints
 * therefore use a strategy that parses each statement once and evaluates its parameter expressions, compiled once,
 * against the exchange, in order.
 */
@Component
public class SqlParameterConfig implements CamelContextConfiguration {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SqlParameterConfig.class);

    static final class ExpressionParametersOnly extends DefaultSqlPrepareStatementStrategy {

        /** {@code :#${...}} as written; the producer has replaced its placeholder '#' with '?' before the strategy runs. */
        private static final Pattern PARAMETER = Pattern.compile(":[#?](\\$\\{[^}]*})");
        private static final Pattern PROPERTY = Pattern.compile("\\$\\{properties:([^}]+)}");

        private final Map<String, String> prepared = new ConcurrentHashMap<>();
        private final Map<String, List<String>> parameters = new ConcurrentHashMap<>();
        private final Map<String, Expression> expressions = new ConcurrentHashMap<>();
        private final java.util.Set<String> warned = ConcurrentHashMap.newKeySet();

        @Override
        public String prepareQuery(String query, boolean allowNamedParameters, Exchange exchange) throws SQLException {
            if (query.contains(":#in:")) {
                return super.prepareQuery(query, allowNamedParameters, exchange);
            }
            String known = prepared.get(query);
            if (known == null) {
                known = super.prepareQuery(query, allowNamedParameters, exchange);
                prepared.put(query, known);
            }
            return known;
        }

        @Override
        public Iterator<?> createPopulateIterator(String query, String preparedQuery, int expectedParams,
                                                  Exchange exchange, Object value) throws SQLException {
            List<String> names = parameters.computeIfAbsent(query, ExpressionParametersOnly::parameterExpressions);
            if (names.size() != expectedParams) {
                // Not one of the sql/ statements' shape (a test keeps those so): Camel's own, slower, way.
                if (warned.add(query)) {
                    log.warn("SQL statement with {} parameters where {} expressions were read; populated by Camel's "
                            + "default strategy: {}", expectedParams, names.size(), query);
                }
                return super.createPopulateIterator(query, preparedQuery, expectedParams, exchange, null);
            }
            List<Object> values = new ArrayList<>(names.size());
            for (String name : names) {
                Expression expression = expressions.computeIfAbsent(name, n -> compile(exchange.getContext(), n));
                values.add(expression.evaluate(exchange, Object.class));
            }
            return values.iterator();
        }

        /**
         * A parameter's expression. A configuration property is read once: Simple's {@code properties:} function
         * parses the placeholder again on every evaluation (7 % of a worker's CPU in a profile), and the hub's
         * configuration does not change while it runs.
         */
        static Expression compile(CamelContext camel, String expression) {
            Matcher property = PROPERTY.matcher(expression);
            if (property.matches()) {
                return new PropertyOnce("{{" + property.group(1) + "}}");
            }
            return camel.resolveLanguage("simple").createExpression(expression);
        }

        /** A property placeholder resolved on first use, then remembered. */
        private static final class PropertyOnce extends ExpressionAdapter {

            private final String placeholder;
            private volatile String value;

            PropertyOnce(String placeholder) {
                this.placeholder = placeholder;
            }

            @Override
            public Object evaluate(Exchange exchange) {
                String resolved = value;
                if (resolved == null) {
                    resolved = exchange.getContext().resolvePropertyPlaceholders(placeholder);
                    value = resolved;
                }
                return resolved;
            }
        }

        static List<String> parameterExpressions(String query) {
            List<String> names = new ArrayList<>();
            Matcher m = PARAMETER.matcher(query);
            while (m.find()) {
                names.add(m.group(1));
            }
            return List.copyOf(names);
        }
    }

    private final ExpressionParametersOnly strategy = new ExpressionParametersOnly();

    @Override
    public void beforeApplicationStart(CamelContext camel) {
        camel.getCamelContextExtension().registerEndpointCallback((uri, endpoint) -> {
            if (endpoint instanceof SqlEndpoint sql) {
                sql.setPrepareStatementStrategy(strategy);
                if (sql.getParametersCount() <= 0) {
                    sql.setParametersCount(parameterCount(camel, sql));
                }
            }
            return endpoint;
        });
    }

    @Override
    public void afterApplicationStart(CamelContext camel) {
    }

    /**
     * The number of parameters of an endpoint's statement, read from its text: without it Camel's SQL producer asks
     * the driver on every call ({@code PreparedStatement.getParameterMetaData()}), which PostgreSQL's driver answers
     * with a round trip to the server (5 % of a submission's CPU in a profile, and a wait). Zero, which leaves Camel
     * asking, for a statement whose parameters are not all {@code :#${...}} (an {@code :#in:} list varies in length).
     */
    static int parameterCount(CamelContext camel, SqlEndpoint sql) {
        try {
            String query = SqlHelper.resolveQuery(camel, sql.getQuery(), sql.isUsePlaceholder() ? sql.getPlaceholder() : null);
            return parameterCount(query);
        } catch (Exception e) {
            log.debug("Parameters of {} left to the driver: {}", sql.getEndpointUri(), e.getMessage());
            return 0;
        }
    }

    /** {@code :#${...}} (or {@code :?${...}}, once the placeholder is replaced) parameters, when those are all. */
    static int parameterCount(String query) {
        if (query.contains(":#in:") || query.contains(":?in:")) {
            return 0;
        }
        int expressions = ExpressionParametersOnly.parameterExpressions(query).size();
        long marks = query.chars().filter(c -> c == '?').count() + query.split(":#", -1).length - 1;
        return marks == expressions ? expressions : 0;
    }
}
