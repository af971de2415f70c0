package hub.store;

import java.sql.SQLException;
import java.util.Iterator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.sql.DefaultSqlPrepareStatementStrategy;
import org.apache.camel.component.sql.SqlEndpoint;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.stereotype.Component;

/**
 * Every statement in {@code sql/} takes its parameters from {@code :#${...}} expressions only (a test keeps it so).
 * Camel's default strategy still tries, for every parameter, to convert the message body to a Map; for a body that
 * is a String or a record that is a type-converter miss, which Camel does not cache: a scan of every registered
 * converter, once per parameter of every statement (a sixth of a submission's CPU in a profile). The SQL endpoints
 * therefore populate statements without the body.
 */
@Component
public class SqlParameterConfig implements CamelContextConfiguration {

    static final class ExpressionParametersOnly extends DefaultSqlPrepareStatementStrategy {
        @Override
        public Iterator<?> createPopulateIterator(String query, String preparedQuery, int expectedParams,
                                                  Exchange exchange, Object value) throws SQLException {
            return super.createPopulateIterator(query, preparedQuery, expectedParams, exchange, null);
        }
    }

    private final ExpressionParametersOnly strategy = new ExpressionParametersOnly();

    @Override
    public void beforeApplicationStart(CamelContext camel) {
        camel.getCamelContextExtension().registerEndpointCallback((uri, endpoint) -> {
            if (endpoint instanceof SqlEndpoint sql) {
                sql.setPrepareStatementStrategy(strategy);
            }
            return endpoint;
        });
    }

    @Override
    public void afterApplicationStart(CamelContext camel) {
    }
}
