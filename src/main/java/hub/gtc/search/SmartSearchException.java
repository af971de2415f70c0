package hub.gtc.search;

/** Smart Search answered with an error status other than 404; the region's circuit breaker counts it. */
public class SmartSearchException extends RuntimeException {

    public SmartSearchException(String message) {
        super(message);
    }
}
