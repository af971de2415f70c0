package hub.tracing;

import hub.correlation.CorrelationIdFilter;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.impl.engine.DefaultUnitOfWork;
import org.apache.camel.spi.UnitOfWork;
import org.apache.camel.tracing.ActiveSpanManager;
import org.apache.camel.tracing.SpanAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The unit of work of every exchange when Camel's MDC logging is on: the logs' {@code jobId}, {@code correlationId},
 * {@code camel.routeId} and {@code camel.exchangeId} are set from the exchange when its work starts on a thread (a
 * route's consumer, a split's or multicast's worker) and again when a step completes on another thread than it
 * started on; {@code trace_id} and {@code span_id} are set by Camel's tracer as spans open and close.
 * <p>
 * Camel's own {@code MDCUnitOfWork} copies the thread's whole MDC map on every step in case that step completes on
 * another thread, and restores eight keys after it: 11 % of the CPU of a status read or a submission in the profile
 * of docs/performance.md. Here a step costs one callback object; the keys are read from the exchange only when a step
 * really does complete elsewhere.
 */
final class JobMdcUnitOfWork extends DefaultUnitOfWork {

    static final String ROUTE_ID = "camel.routeId";
    static final String EXCHANGE_ID = "camel.exchangeId";
    private static final String JOB_ID_PROPERTY = "jobId";
    private static final Logger LOG = LoggerFactory.getLogger(JobMdcUnitOfWork.class);

    private final String originalJobId = MDC.get(JobLogContext.JOB_ID);
    private final String originalCorrelationId = MDC.get(CorrelationIdFilter.MDC_KEY);
    private final String originalRouteId = MDC.get(ROUTE_ID);
    private final String originalExchangeId = MDC.get(EXCHANGE_ID);
    private final Thread owner = Thread.currentThread();

    JobMdcUnitOfWork(Exchange exchange) {
        super(exchange, LOG, exchange.getContext().getInflightRepository(),
                Boolean.TRUE.equals(exchange.getContext().isAllowUseOriginalMessage()),
                Boolean.TRUE.equals(exchange.getContext().isUseBreadcrumb()));
        MDC.put(EXCHANGE_ID, exchange.getExchangeId());
        putJobKeys(exchange);
    }

    @Override
    public UnitOfWork createChildUnitOfWork(Exchange childExchange) {
        UnitOfWork child = new JobMdcUnitOfWork(childExchange);
        child.setParentUnitOfWork(this);
        return child;
    }

    @Override
    public void pushRoute(Route route) {
        super.pushRoute(route);
        putOrRemove(ROUTE_ID, route == null ? null : route.getRouteId());
    }

    @Override
    public Route popRoute() {
        Route popped = super.popRoute();
        Route current = getRoute();
        putOrRemove(ROUTE_ID, current == null ? null : current.getRouteId());
        return popped;
    }

    @Override
    public boolean isBeforeAfterProcess() {
        return true;
    }

    @Override
    public AsyncCallback beforeProcess(Processor processor, Exchange exchange, AsyncCallback callback) {
        return doneSync -> {
            if (!doneSync) {
                onContinuingThread(exchange);
            }
            callback.done(doneSync);
        };
    }

    @Override
    public void done(Exchange exchange) {
        super.done(exchange);
        restoreOriginals();
    }

    /** The keys of this exchange on the thread that goes on with it after a step completed asynchronously. */
    private void onContinuingThread(Exchange exchange) {
        MDC.put(EXCHANGE_ID, exchange.getExchangeId());
        putJobKeys(exchange);
        Route route = getRoute();
        if (route != null) {
            MDC.put(ROUTE_ID, route.getRouteId());
        }
        SpanAdapter span = ActiveSpanManager.getSpan(exchange);
        if (span != null) {
            MDC.put(ActiveSpanManager.MDC_TRACE_ID, span.traceId());
            MDC.put(ActiveSpanManager.MDC_SPAN_ID, span.spanId());
        }
    }

    private static void putJobKeys(Exchange exchange) {
        String jobId = exchange.getProperty(JOB_ID_PROPERTY, String.class);
        if (jobId != null) {
            MDC.put(JobLogContext.JOB_ID, jobId);
        }
        String correlationId = exchange.getIn().getHeader(CorrelationIdFilter.HEADER, String.class);
        if (correlationId != null) {
            MDC.put(CorrelationIdFilter.MDC_KEY, correlationId);
        }
    }

    /** The thread that created this unit of work gets its keys back; a thread that continued it is left clean. */
    private void restoreOriginals() {
        if (Thread.currentThread() != owner) {
            for (String key : new String[] {JobLogContext.JOB_ID, CorrelationIdFilter.MDC_KEY, ROUTE_ID, EXCHANGE_ID}) {
                MDC.remove(key);
            }
            return;
        }
        putOrRemove(JobLogContext.JOB_ID, originalJobId);
        putOrRemove(CorrelationIdFilter.MDC_KEY, originalCorrelationId);
        putOrRemove(ROUTE_ID, originalRouteId);
        putOrRemove(EXCHANGE_ID, originalExchangeId);
    }

    private static void putOrRemove(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }

    @Override
    public String toString() {
        return "JobMdcUnitOfWork";
    }
}
