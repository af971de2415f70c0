package hub.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.seda.SedaEndpoint;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.stereotype.Component;

/**
 * Gauges of the work in the hub:
 * <ul>
 *   <li>{@code compliance_jobs_in_flight}: jobs this instance's workers are evaluating now (Camel's in-flight
 *       exchanges of the {@code process-job} route);</li>
 *   <li>{@code compliance_jobs_waiting}: jobs {@code QUEUED} in PostgreSQL, all instances together (the
 *       {@code measure-job-backlog} route counts them every {@code hub.metrics.backlog-interval-ms});</li>
 *   <li>{@code compliance_archives_pending}: completed jobs whose blob copies (report, article) are not written yet,
 *       all instances together (same route; ADR 0025);</li>
 *   <li>{@code compliance_queue_depth{queue}}: messages in the in-JVM queues ({@code jobs}, {@code batches}); only
 *       while the consumer is an in-JVM seda queue (Service Bus reports its own depth to Azure Monitor).</li>
 * </ul>
 */
@Component("jobGauges")
public class JobGauges implements CamelContextConfiguration {

    private static final Map<String, String> QUEUE_ROUTES = Map.of("jobs", "process-job", "batches", "consume-batches");

    private final MeterRegistry registry;
    private final AtomicLong waiting = new AtomicLong();
    private final AtomicLong archivesPending = new AtomicLong();

    public JobGauges(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void beforeApplicationStart(CamelContext camel) {
        Gauge.builder("compliance_jobs_in_flight", camel, c -> c.getInflightRepository().size("process-job"))
                .description("Jobs this instance is evaluating now").register(registry);
        Gauge.builder("compliance_jobs_waiting", waiting, AtomicLong::get)
                .description("Jobs QUEUED in PostgreSQL (all instances), refreshed by measure-job-backlog")
                .register(registry);
        Gauge.builder("compliance_archives_pending", archivesPending, AtomicLong::get)
                .description("Completed jobs whose blob archive copies are not written yet (all instances), refreshed "
                        + "by measure-job-backlog")
                .register(registry);
    }

    @Override
    public void afterApplicationStart(CamelContext camel) {
        QUEUE_ROUTES.forEach((queue, routeId) -> {
            Route route = camel.getRoute(routeId);
            if (route != null && route.getEndpoint() instanceof SedaEndpoint seda) {
                Gauge.builder("compliance_queue_depth", seda, SedaEndpoint::getCurrentQueueSize)
                        .description("Messages waiting in an in-JVM queue").tag("queue", queue).register(registry);
            }
        });
    }

    /** Route step of {@code measure-job-backlog}: the QUEUED jobs and the pending archives it counted. */
    public void backlog(long queuedJobs, long pendingArchives) {
        waiting.set(queuedJobs);
        archivesPending.set(pendingArchives);
    }
}
