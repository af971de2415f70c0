package hub.tracing;

import hub.correlation.CorrelationIdFilter;
import org.apache.camel.Exchange;
import org.apache.camel.tracing.ActiveSpanManager;
import org.apache.camel.tracing.SpanAdapter;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Puts the job id of the exchange being processed, and the correlation id its message carries (header
 * {@code X-Correlation-ID}, set at intake by {@link CorrelationIdFilter}), into the logs' MDC ({@code jobId},
 * {@code correlationId}, as on the request threads) and on the route's span ({@code job.id},
 * {@code correlation_id}). {@link JobMdcUnitOfWork} sets the keys again on the threads that evaluate the job's
 * guidelines, next to Camel's {@code trace_id} and {@code span_id}.
 */
@Component("jobLogContext")
public class JobLogContext {

    public static final String JOB_ID = "jobId";
    public static final String CORRELATION_TAG = "correlation_id";

    /** Route step: the job id is in the {@code jobId} property. */
    public void enter(Exchange exchange) {
        String jobId = exchange.getProperty("jobId", String.class);
        String correlationId = exchange.getIn().getHeader(CorrelationIdFilter.HEADER, String.class);
        SpanAdapter span = ActiveSpanManager.getSpan(exchange);
        put(JOB_ID, jobId, "job.id", span);
        put(CorrelationIdFilter.MDC_KEY, correlationId, CORRELATION_TAG, span);
    }

    private static void put(String mdcKey, String value, String spanTag, SpanAdapter span) {
        if (value == null) {
            MDC.remove(mdcKey);
            return;
        }
        MDC.put(mdcKey, value);
        if (span != null) {
            span.setTag(spanTag, value);
        }
    }
}
