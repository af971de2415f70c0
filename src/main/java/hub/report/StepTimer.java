package hub.report;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/** Records how long each step of a job took, for the report's {@code timingsMs}. */
@Component("stepTimer")
public class StepTimer {

    static final String TIMINGS = "timings";
    private static final String LAST_MARK = "timingsLastMark";

    /** Starts the clock; every later {@link #mark} records the time since the previous one under its step name. */
    public void start(Exchange exchange) {
        exchange.setProperty(TIMINGS, new LinkedHashMap<String, Long>());
        exchange.setProperty(LAST_MARK, System.nanoTime());
    }

    public void mark(Exchange exchange, String step) {
        long now = System.nanoTime();
        Long last = exchange.getProperty(LAST_MARK, Long.class);
        timings(exchange).put(step, last == null ? 0 : (now - last) / 1_000_000);
        exchange.setProperty(LAST_MARK, now);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Long> timings(Exchange exchange) {
        Map<String, Long> t = exchange.getProperty(TIMINGS, Map.class);
        if (t == null) {
            t = new LinkedHashMap<>();
            exchange.setProperty(TIMINGS, t);
        }
        return t;
    }
}
