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
