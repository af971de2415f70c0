package hub.job;

import static org.assertj.core.api.Assertions.assertThat;

import hub.incremental.GuidelineWork;
import org.junit.jupiter.api.Test;

class JobProgressTest {

    @Test
    void countsGuidelinesDoneOfTotalUntilTheJobFinishes() {
        JobProgress progress = new JobProgress();
        assertThat(progress.of("j")).isNull();
        progress.start("j", 3);
        assertThat(progress.of("j")).isEqualTo(new JobProgress.Progress(0, 3));
        assertThat(progress.guidelineDone("j")).as("1 of 3: worth showing").isTrue();
        assertThat(progress.guidelineDone("j")).isTrue();
        assertThat(progress.of("j")).isEqualTo(new JobProgress.Progress(2, 3));
        assertThat(progress.guidelineDone("j")).as("the last one: the completion follows").isFalse();
        assertThat(progress.guidelineDone("j")).isFalse();
        assertThat(progress.of("j").guidelinesDone()).as("never above the total").isEqualTo(3);
        assertThat(progress.guidelineDone("other")).isFalse();
        assertThat(progress.of("other")).as("a job this instance does not run").isNull();
        progress.finished("j");
        assertThat(progress.of("j")).isNull();
    }

    /**
     * Two answers counted together: the writer of the lower count sees the count moved since it wrote and writes
     * again (ConsoleIT saw the cache end at 1 of 3 while 2 were done, the lower document written last).
     */
    @Test
    void aWriterWritesAgainWhileTheCountMovedSinceItsLastWrite() {
        JobProgress progress = new JobProgress();
        progress.start("j", 3);
        org.apache.camel.Exchange first = exchangeOf("j");
        org.apache.camel.Exchange second = exchangeOf("j");

        progress.guidelineDone("j");
        assertThat(progress.writeNeeded(first)).as("first write, of 1").isTrue();
        progress.guidelineDone("j");
        assertThat(progress.writeNeeded(second)).as("second write, of 2").isTrue();
        assertThat(progress.writeNeeded(second)).as("2 written, nothing moved since").isFalse();
        assertThat(progress.writeNeeded(first)).as("1 written, 2 done: write again").isTrue();
        assertThat(progress.writeNeeded(first)).isFalse();

        progress.finished("j");
        assertThat(progress.writeNeeded(exchangeOf("j"))).as("a job no longer running").isFalse();
    }

    private static org.apache.camel.Exchange exchangeOf(String jobId) {
        org.apache.camel.Exchange exchange = new org.apache.camel.support.DefaultExchange(
                new org.apache.camel.impl.DefaultCamelContext());
        exchange.setProperty("jobId", jobId);
        return exchange;
    }

    @Test
    void aRetriedAttemptStartsCountingAgain() {
        JobProgress progress = new JobProgress();
        progress.start("j", 2);
        progress.guidelineDone("j");
        progress.start("j", 2);
        assertThat(progress.of("j")).isEqualTo(new JobProgress.Progress(0, 2));
    }

    @Test
    void aGuidelineWaitingForTheModelIsDoneWithTheLastAnswerToItsQuestions() {
        JobProgress progress = new JobProgress();
        progress.start("j", 3);
        progress.guidelineDone("j");
        GuidelineWork fees = () -> "fees";
        GuidelineWork balance = () -> "balance";
        progress.expectAnswers("j", java.util.List.of(fees, fees, balance));
        assertThat(progress.answered("j", fees)).as("fees has one question left").isFalse();
        assertThat(progress.of("j")).isEqualTo(new JobProgress.Progress(1, 3));
        assertThat(progress.answered("j", balance)).as("balance done, 2 of 3").isTrue();
        assertThat(progress.answered("j", fees)).as("fees done too: the last guideline, the completion follows").isFalse();
        assertThat(progress.of("j")).isEqualTo(new JobProgress.Progress(3, 3));
        assertThat(progress.answered("j", () -> "unknown")).isFalse();
        assertThat(progress.answered("other", fees)).isFalse();
    }

    @Test
    void aBatchOfAnswersCompletesEveryGuidelineWhoseLastQuestionItAnswered() {
        JobProgress progress = new JobProgress();
        progress.start("j", 4);
        GuidelineWork claims = () -> "claims";
        GuidelineWork fees = () -> "fees";
        GuidelineWork warning = () -> "warning";
        progress.expectAnswers("j", java.util.List.of(claims, claims, fees, claims, fees, warning));
        assertThat(progress.answeredAll("j", java.util.List.of(claims, fees))).as("neither is complete").isFalse();
        assertThat(progress.of("j")).isEqualTo(new JobProgress.Progress(0, 4));
        assertThat(progress.answeredAll("j", java.util.List.of(claims, fees, claims))).as("both complete").isTrue();
        assertThat(progress.of("j")).isEqualTo(new JobProgress.Progress(2, 4));
        assertThat(progress.answeredAll("j", java.util.List.of())).isFalse();
    }
}
