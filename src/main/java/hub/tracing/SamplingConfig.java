package hub.tracing;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which traces the hub records. Spring Boot's sampler (which backs off for this one) records the share
 * {@code management.tracing.sampling.probability} of the traces a request starts, whether or not anything exports
 * them. Here that share applies only where a span exporter exists ({@code management.otlp.tracing.endpoint} set).
 * Without one, a trace the hub starts is not recorded: its ids still travel in {@code traceparent} and into the logs'
 * {@code trace_id} and {@code span_id}, but no span keeps attributes or goes through the export pipeline for nothing
 * (7-20 % of a cached status read's CPU in an experiment; docs/performance.md).
 * <p>
 * Either way, a caller's decision is followed: a request whose {@code traceparent} is sampled is recorded, and the
 * calls it leads to (the queue, the LLM, Smart Search) are marked sampled.
 */
@Configuration(proxyBeanMethods = false)
public class SamplingConfig {

    @Bean
    Sampler otelSampler(ObjectProvider<SpanExporter> exporters,
                        @Value("${management.tracing.sampling.probability:0.1}") double probability) {
        return sampler(exporters.stream().findAny().isPresent(), probability);
    }

    static Sampler sampler(boolean exported, double probability) {
        return Sampler.parentBased(exported ? Sampler.traceIdRatioBased(probability) : Sampler.alwaysOff());
    }
}
