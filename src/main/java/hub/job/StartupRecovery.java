package hub.job;

import java.sql.Timestamp;
import java.time.Instant;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.support.EventNotifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs the {@code recover-jobs-at-startup} route each time the Camel context has started, including a restart of the
 * context inside a running JVM (a timer with repeatCount=1 would fire only once per JVM). It passes the time the
 * context began to start, so that only jobs this instance claimed before then are taken back as orphans.
 */
@Component
public class StartupRecovery extends EventNotifierSupport implements CamelContextConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StartupRecovery.class);

    private final long delayMs;
    private volatile CamelContext camel;
    private volatile Instant startingAt = Instant.now();

    public StartupRecovery(@Value("${hub.recovery.startup-delay-ms:1000}") long delayMs) {
        this.delayMs = delayMs;
        setIgnoreExchangeEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        this.camel = camelContext;
        // Camel Spring Boot may already have registered this bean as an event notifier; twice would recover twice.
        if (!camelContext.getManagementStrategy().getEventNotifiers().contains(this)) {
            camelContext.getManagementStrategy().addEventNotifier(this);
        }
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        // the started event does the work, on this start and on every later one
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.CamelContextStartingEvent
                || event instanceof CamelEvent.CamelContextStartedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof CamelEvent.CamelContextStartingEvent) {
            startingAt = Instant.now();
            return;
        }
        // Only claims older than this start are orphans; jobs claimed since belong to the running instance.
        Timestamp orphanedBefore = Timestamp.from(startingAt);
        ProducerTemplate template = camel.createProducerTemplate();
        Thread recovery = new Thread(() -> {
            try {
                Thread.sleep(delayMs);
                template.sendBodyAndHeader("direct:recover-jobs-at-startup", null, "orphanedBefore", orphanedBefore);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("Start-up recovery failed; the periodic sweep will catch up: {}", e.getMessage());
            } finally {
                stopQuietly(template);
            }
        }, "startup-recovery");
        recovery.setDaemon(true);
        recovery.start();
    }

    private static void stopQuietly(ProducerTemplate template) {
        try {
            template.stop();
        } catch (RuntimeException ignored) {
            // nothing left to release
        }
    }
}
