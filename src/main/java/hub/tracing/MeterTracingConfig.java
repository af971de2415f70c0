package hub.tracing;

import hub.correlation.CorrelationIdFilter;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingAwareMeterObservationHandler;
import io.prometheus.metrics.tracer.common.SpanContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Where tracing meets the meters and the request: the first two beans replace Spring Boot's own, which back off
 * when they exist; the third puts the request's correlation id on its server span.
 * <ul>
 *   <li>Only Spring MVC's server observations become meters ({@code http_server_requests_seconds}). Camel's
 *       observations exist for tracing alone: as meters they would be named after routes, paths and even log
 *       messages with job ids (unbounded), and camel-micrometer already measures the routes.</li>
 *   <li>No exemplars on {@code /actuator/prometheus}: Micrometer attaches them to the {@code _count} of summaries
 *       too (Camel's route timers), which OpenMetrics does not allow, and Prometheus then rejects the whole scrape
 *       ("does not support exemplars"). Traces are found through the logs' {@code trace_id} instead.</li>
 *   <li>The server span of every request carries {@code correlation_id} (a high-cardinality key: spans only, never
 *       a meter tag), read when the observation stops from the attribute {@link CorrelationIdFilter} set.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class MeterTracingConfig {

    @Bean
    MeterObservationHandler<Observation.Context> meterObservationHandler(MeterRegistry registry, Tracer tracer) {
        return new TracingAwareMeterObservationHandler<>(new DefaultMeterObservationHandler(registry), tracer) {
            @Override
            public boolean supportsContext(Observation.Context context) {
                return context instanceof ServerRequestObservationContext;
            }
        };
    }

    @Bean
    ObservationFilter correlationIdOnServerSpans() {
        return context -> {
            if (context instanceof ServerRequestObservationContext server && server.getCarrier() != null) {
                Object id = server.getCarrier().getAttribute(CorrelationIdFilter.MDC_KEY);
                if (id != null) {
                    context.addHighCardinalityKeyValue(KeyValue.of("correlation_id", id.toString()));
                }
            }
            return context;
        };
    }

    @Bean
    SpanContext noExemplars() {
        return new SpanContext() {
            @Override
            public String getCurrentTraceId() {
                return null;
            }

            @Override
            public String getCurrentSpanId() {
                return null;
            }

            @Override
            public boolean isCurrentSpanSampled() {
                return false;
            }

            @Override
            public void markCurrentSpanAsExemplar() {
                // no exemplars
            }
        };
    }
}
