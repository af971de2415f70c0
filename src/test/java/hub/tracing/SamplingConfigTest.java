package hub.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SamplingConfigTest {

    private static final String REMOTE_TRACE = "0af7651916cd43dd8448eb211c80319c";

    private static Span start(Sampler sampler, Context parent) {
        try (SdkTracerProvider provider = SdkTracerProvider.builder().setSampler(sampler).build()) {
            return provider.get("test").spanBuilder("request").setParent(parent).startSpan();
        }
    }

    private static Context remoteParent(boolean sampled) {
        return Context.root().with(Span.wrap(SpanContext.createFromRemoteParent(REMOTE_TRACE, "b7ad6b7169203331",
                sampled ? TraceFlags.getSampled() : TraceFlags.getDefault(), TraceState.getDefault())));
    }

    @Test
    void withoutAnExporterATraceTheHubStartsIsNotRecordedButHasIdsForTheLogsAndTheHeader() {
        Span span = start(SamplingConfig.sampler(false, 1.0), Context.root());

        assertThat(span.isRecording()).isFalse();
        assertThat(span.getSpanContext().isValid()).as("trace and span ids for traceparent and the logs").isTrue();
        assertThat(span.getSpanContext().isSampled()).isFalse();
    }

    @Test
    void withoutAnExporterACallersSampledTraceIsStillRecordedAndMarkedSampled() {
        Span span = start(SamplingConfig.sampler(false, 1.0), remoteParent(true));

        assertThat(span.isRecording()).isTrue();
        assertThat(span.getSpanContext().getTraceId()).isEqualTo(REMOTE_TRACE);
        assertThat(span.getSpanContext().isSampled()).isTrue();
    }

    @Test
    void withAnExporterTheProbabilityDecidesTheHubsOwnTraces() {
        assertThat(start(SamplingConfig.sampler(true, 1.0), Context.root()).isRecording()).isTrue();
        assertThat(start(SamplingConfig.sampler(true, 0.0), Context.root()).isRecording()).isFalse();
        assertThat(start(SamplingConfig.sampler(true, 0.0), remoteParent(true)).isRecording())
                .as("a caller's sampled trace, whatever the probability").isTrue();
        assertThat(start(SamplingConfig.sampler(true, 1.0), remoteParent(false)).isRecording())
                .as("a caller's unsampled trace").isFalse();
    }

    @Test
    void theBeanLooksForAnExporter() {
        ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(SamplingConfig.class)
                .withPropertyValues("management.tracing.sampling.probability=1.0");
        runner.run(context -> assertThat(start(context.getBean(Sampler.class), Context.root()).isRecording())
                .isFalse());
        runner.withBean(SpanExporter.class, NoExport::new)
                .run(context -> assertThat(start(context.getBean(Sampler.class), Context.root()).isRecording())
                        .isTrue());
    }

    private static final class NoExport implements SpanExporter {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
