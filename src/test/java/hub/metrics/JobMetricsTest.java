package hub.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import hub.guideline.Guideline;
import hub.guideline.GuidelineSet;
import hub.report.model.EvaluatedBy;
import hub.report.model.GuidelineResult;
import hub.report.model.Verdict;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class JobMetricsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final JobMetrics metrics = new JobMetrics(meters, true, "claude");

    private static GuidelineResult result(String id, Verdict verdict, GuidelineResult.LlmCall llm) {
        return new GuidelineResult(id, id, "c", hub.report.model.Severity.ERROR, 1, verdict, EvaluatedBy.LLM, List.of(),
                null, null, null, llm);
    }

    @Test
    void recordsACompletedJobsDurationScoreVerdictsAndTokens() {
        Exchange e = new DefaultExchange(new DefaultCamelContext());
        e.setProperty("jobRow", Map.of("id", "j-1", "created_at", Timestamp.from(Instant.now().minusSeconds(20))));
        e.setProperty("guidelineSet", new GuidelineSet("default", "1", "t", null, "en", List.of(), List.<Guideline>of()));
        e.setProperty("guidelineResults", List.of(
                result("a", Verdict.PASS, new GuidelineResult.LlmCall("claude", 2, 100, 10, 5)),
                result("b", Verdict.FAIL, null)));
        e.setProperty("reportScore", 50.0);

        CompletedJob job = metrics.completed(e);

        assertThat(job).isSameAs(e.getProperty(JobMetrics.COMPLETED_JOB));
        assertThat(job.durationSeconds()).isBetween(19.0, 25.0);
        assertThat(job.llmCalls()).isEqualTo(2);
        assertThat(job.promptTokens()).isEqualTo(100);
        assertThat(job.verdicts()).containsEntry(Verdict.PASS, 1).containsEntry(Verdict.FAIL, 1);
        assertThat(meters.get("compliance_jobs_completed").tag("status", "COMPLETED").counter().count()).isEqualTo(1);
        assertThat(meters.get("guideline_verdicts").tags("guideline", "b", "verdict", "FAIL").counter().count()).isEqualTo(1);
        assertThat(meters.get("compliance_score").summary().totalAmount()).isEqualTo(50.0);
        Timer duration = meters.get("compliance_job_duration").tag("status", "COMPLETED").timer();
        // 20 s lands between the 15 s and 25 s buckets the seed's 15-35 s range needs.
        CountAtBucket[] buckets = duration.takeSnapshot().histogramCounts();
        assertThat(buckets).anySatisfy(b -> {
            assertThat(b.bucket(java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(15.0);
            assertThat(b.count()).isZero();
        }).anySatisfy(b -> {
            assertThat(b.bucket(java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(20.0);
            assertThat(b.count()).isZero();
        }).anySatisfy(b -> {
            assertThat(b.bucket(java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(25.0);
            assertThat(b.count()).isEqualTo(1);
        });
    }

    @Test
    void aJobThatCannotBeMeasuredIsNotFailedByTheMeters() {
        Exchange e = new DefaultExchange(new DefaultCamelContext());
        assertThat(metrics.completed(e)).isNull();
        metrics.submitted("queue", 3);
        assertThat(meters.get("compliance_jobs_submitted").tag("source", "queue").counter().count()).isEqualTo(3);
    }

    @Test
    void aFailedJobIsCountedWithItsDuration() {
        Exchange e = new DefaultExchange(new DefaultCamelContext());
        e.getIn().setBody(Map.of("id", "j-2", "created_at", Timestamp.from(Instant.now().minusSeconds(3))));
        metrics.failed(e);
        assertThat(meters.get("compliance_jobs_completed").tag("status", "FAILED").counter().count()).isEqualTo(1);
        assertThat(meters.get("compliance_job_duration").tag("status", "FAILED").timer().count()).isEqualTo(1);
    }
}
