package hub.tracing;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import org.apache.camel.CamelContext;
import org.apache.camel.observation.MicrometerObservationTracer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camel's spans through Micrometer Observation, on Spring Boot's tracer (OpenTelemetry bridge). Routes and
 * endpoints get spans, except the in-process {@code direct:} hops ({@link RemoteHopTracer}); the W3C
 * {@code traceparent} header (no baggage: {@code management.tracing.baggage.enabled=false}) is injected into every
 * message a route sends (HTTP requests to the LLM and Smart Search, job messages on the queue) and extracted from
 * every message a route consumes, so one trace covers intake, queue, worker, LLM and Smart Search.
 * <p>
 * camel-observation-starter backs off whenever Spring Boot's own observation auto-configuration is present (it is,
 * with the actuator), so the tracer is set up here, as the starter would. {@code hub.tracing.camel=false} leaves Camel
 * without spans (and without trace propagation through the queue and to the LLM and Smart Search).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hub.tracing.camel", havingValue = "true", matchIfMissing = true)
public class CamelTracingConfig {

    @Bean(initMethod = "", destroyMethod = "")
    MicrometerObservationTracer camelObservationTracer(CamelContext camel, Tracer tracer,
                                                       ObservationRegistry observations,
                                                       @Value("${hub.tracing.camel-exclude-patterns:}") String exclude) {
        MicrometerObservationTracer camelTracer = new RemoteHopTracer();
        camelTracer.setTracer(tracer);
        camelTracer.setObservationRegistry(observations);
        if (!exclude.isBlank()) {
            camelTracer.setExcludePatterns(exclude);
        }
        camelTracer.init(camel);
        return camelTracer;
    }
}
