package hub.metrics;

import hub.gtc.check.GtcCheckRequestFactory;
import hub.guideline.GuidelineSet;
import hub.report.PromptVersions;
import hub.report.model.ComplianceReport;
import hub.report.model.GuidelineResult;
import hub.report.model.Scorer;
import hub.report.model.Verdict;
import hub.store.SqlValues;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The hub's business meters (served at {@code /actuator/prometheus} with the names below; every meter also carries
 * the {@code region} tag from {@code management.metrics.tags.region}):
 * <ul>
 *   <li>{@code compliance_jobs_submitted_total{source}}: jobs accepted, {@code rest} or {@code queue};</li>
 *   <li>{@code compliance_jobs_completed_total{status}}: jobs that ended, {@code COMPLETED} or {@code FAILED};</li>
 *   <li>{@code compliance_job_duration_seconds{status}}: submission to end, a histogram whose buckets resolve the
 *       seed's 15–35 s processing time;</li>
 *   <li>{@code compliance_score{guideline_set}}: the distribution of report scores (0–100);</li>
 *   <li>{@code guideline_verdicts_total{guideline_set,guideline,verdict}}: the verdict on each guideline.</li>
 * </ul>
 */
@Component("jobMetrics")
public class JobMetrics {

    /** Property holding the {@link CompletedJob} of a job that {@link #completed} recorded. */
    public static final String COMPLETED_JOB = "completedJob";

    static final double[] DURATION_BUCKETS_SECONDS =
            {0.1, 0.3, 0.5, 1, 2, 5, 10, 15, 20, 25, 30, 35, 45, 60, 90, 120, 300, 600};
    static final double[] SCORE_BUCKETS = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100};

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(JobMetrics.class);

    private final MeterRegistry registry;
    private final boolean llmEnabled;
    private final String model;

    public JobMetrics(MeterRegistry registry, @Value("${hub.llm.enabled:false}") boolean llmEnabled,
                      @Value("${hub.llm.model:claude}") String model) {
        this.registry = registry;
        this.llmEnabled = llmEnabled;
        this.model = model;
    }

    public void submitted(String source) {
        submitted(source, 1);
    }

    public void submitted(String source, int jobs) {
        Counter.builder("compliance_jobs_submitted").description("Jobs accepted for a compliance check")
                .tag("source", source).register(registry).increment(jobs);
    }

    /**
     * Records a job whose report was just stored. Reads the {@code jobRow}, {@code guidelineSet},
     * {@code guidelineResults}, {@code gtcSection} and {@code reportScore} properties; leaves the
     * {@link CompletedJob} in the {@value #COMPLETED_JOB} property.
     */
    public CompletedJob completed(Exchange exchange) {
        try {
            return record(exchange);
        } catch (RuntimeException e) {
            // Measuring must never fail a job whose report is stored already.
            log.warn("Could not record the meters of job {}: {}", exchange.getProperty("jobId"), e.toString());
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private CompletedJob record(Exchange exchange) {
        Map<String, Object> row = exchange.getProperty("jobRow", Map.class);
        GuidelineSet set = exchange.getProperty("guidelineSet", GuidelineSet.class);
        List<GuidelineResult> results = exchange.getProperty("guidelineResults", List.class);
        ComplianceReport.GtcSection gtc = exchange.getProperty("gtcSection", ComplianceReport.GtcSection.class);
        Double score = exchange.getProperty("reportScore", Double.class);
        Instant now = Instant.now();
        double seconds = secondsSince(row.get("created_at"), now);

        int calls = 0;
        long prompt = 0;
        long completion = 0;
        for (GuidelineResult r : results) {
            Verdict verdict = r.verdict();
            Counter.builder("guideline_verdicts").description("Verdicts on guidelines, per guideline set and guideline")
                    .tag("guideline_set", set.id()).tag("guideline", r.guidelineId()).tag("verdict", verdict.name())
                    .register(registry).increment();
            if (r.llm() != null) {
                calls += r.llm().calls();
                prompt += r.llm().promptTokens();
                completion += r.llm().completionTokens();
            }
        }
        end("COMPLETED", seconds);
        if (score != null) {
            DistributionSummary.builder("compliance_score").description("Compliance score of completed jobs (0-100)")
                    .tag("guideline_set", set.id()).serviceLevelObjectives(SCORE_BUCKETS)
                    .register(registry).record(score);
        }
        Map<Verdict, Integer> counts = Scorer.counts(results);
        CompletedJob job = new CompletedJob(String.valueOf(row.get("id")), set.id(), set.version(), score,
                counts.get(Verdict.NOT_EVALUATED) + counts.get(Verdict.ERROR) > 0, seconds, counts,
                llmEnabled ? model : null, PromptVersions.GUIDELINES, GtcCheckRequestFactory.PROMPT_VERSION,
                gtc == null ? null : gtc.status(), calls, prompt, completion, now.toEpochMilli());
        exchange.setProperty(COMPLETED_JOB, job);
        return job;
    }

    /** Records a job that ended FAILED; the body or the {@code jobRow} property is its row. */
    @SuppressWarnings("unchecked")
    public void failed(Exchange exchange) {
        Object body = exchange.getIn().getBody();
        Map<String, Object> row = body instanceof Map<?, ?> m ? (Map<String, Object>) m
                : exchange.getProperty("jobRow", Map.class);
        end("FAILED", row == null ? Double.NaN : secondsSince(row.get("created_at"), Instant.now()));
    }

    private void end(String status, double seconds) {
        Counter.builder("compliance_jobs_completed").description("Jobs that ended, by final status")
                .tag("status", status).register(registry).increment();
        if (!Double.isNaN(seconds)) {
            Timer.builder("compliance_job_duration").description("Time from submission to the job's end")
                    .tag("status", status).serviceLevelObjectives(buckets())
                    .minimumExpectedValue(Duration.ofMillis(100)).maximumExpectedValue(Duration.ofMinutes(10))
                    .register(registry).record(Duration.ofNanos((long) (seconds * 1e9)));
        }
    }

    private static Duration[] buckets() {
        Duration[] buckets = new Duration[DURATION_BUCKETS_SECONDS.length];
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = Duration.ofMillis((long) (DURATION_BUCKETS_SECONDS[i] * 1000));
        }
        return buckets;
    }

    private static double secondsSince(Object createdAt, Instant now) {
        Instant submitted = SqlValues.instant(createdAt);
        return submitted == null ? Double.NaN : Math.max(0, Duration.between(submitted, now).toNanos() / 1e9);
    }
}
