package hub.llm;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import javax.net.ssl.SSLException;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Names why an LLM call failed, for the job's report and the log: the network cause when the endpoint could not be
 * reached (connection refused, unknown host, TLS, timeout), else the last HTTP status. Bean {@code llmFailureCause}
 * of the {@code llm-chat} route.
 */
@Component("llmFailureCause")
public class LlmFailureCause {

    /** The exchange property holding the network cause of the last attempt; absent when the endpoint answered. */
    public static final String PROPERTY = "llmFailureCause";

    /** The cause of an exception thrown while calling the endpoint, in a few words a reader can act on. */
    public String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String cause = known(t);
            if (cause != null) {
                return cause;
            }
        }
        return failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }

    /** The message of the exception that ends the call once the retry budget is spent. */
    public String message(Exchange exchange) {
        String attempts = exchange.getProperty("llmAttempt", "?", String.class);
        String network = exchange.getProperty(PROPERTY, String.class);
        if (network != null) {
            return "LLM endpoint unreachable after " + attempts + " attempt(s): " + network;
        }
        return "LLM call failed with HTTP " + exchange.getIn().getHeader(Exchange.HTTP_RESPONSE_CODE) + " after "
                + attempts + " attempt(s)";
    }

    private static String known(Throwable t) {
        if (t instanceof ConnectException) {
            return "connection refused (" + t.getMessage() + ")";
        }
        if (t instanceof UnknownHostException) {
            return "unknown host (DNS): " + t.getMessage();
        }
        if (t instanceof NoRouteToHostException) {
            return "no route to host (" + t.getMessage() + ")";
        }
        if (t instanceof SSLException) {
            return "TLS handshake failed: " + t.getMessage();
        }
        if (t instanceof HttpConnectTimeoutException || t.getClass().getSimpleName().equals("ConnectTimeoutException")
                || t instanceof SocketTimeoutException && "Connect timed out".equalsIgnoreCase(t.getMessage())) {
            return "connect timed out (" + t.getMessage() + ")";
        }
        if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException) {
            return "timed out waiting for the answer";
        }
        return null;
    }
}
