package hub.incremental;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import hub.article.ArticleFormat;
import hub.article.PlainText;
import hub.guideline.Checks;
import hub.guideline.Guideline;
import hub.guideline.GuidelineScope;
import hub.guideline.Severity;
import hub.llm.ChatRequestFactory;
import hub.report.GuidelineResult;
import hub.report.GuidelineTask;
import hub.report.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnitJudgeTest {

    private final UnitJudge judge = new UnitJudge(new ObjectMapper(),
            new ChatRequestFactory(new ObjectMapper(), "claude", 800, 0), true);

    @Test
    void unitKeysDependOnlyOnTheUnitAndArticleKeysOnEveryUnit() {
        GuidelineTask before = task(GuidelineScope.UNIT, "One.\nTwo.\nThree.");
        GuidelineTask after = task(GuidelineScope.UNIT, "One.\nTwo, edited.\nThree.");
        List<UnitQuestion> a = judge.questions(before, "t1");
        List<UnitQuestion> b = judge.questions(after, "t1");

        assertThat(a).hasSize(3);
        assertThat(b.get(0).cacheKey()).isEqualTo(a.get(0).cacheKey());
        assertThat(b.get(1).cacheKey()).isNotEqualTo(a.get(1).cacheKey());
        assertThat(b.get(2).cacheKey()).isEqualTo(a.get(2).cacheKey());
        assertThat(judge.questions(before, "t2").get(0).cacheKey()).as("never shared across tenants")
                .isNotEqualTo(a.get(0).cacheKey()).contains(":t2:");

        List<UnitQuestion> wholeBefore = judge.questions(task(GuidelineScope.ARTICLE, "One.\nTwo.\nThree."), "t1");
        List<UnitQuestion> wholeAfter = judge.questions(task(GuidelineScope.ARTICLE, "One.\nTwo, edited.\nThree."), "t1");
        assertThat(wholeBefore).hasSize(1);
        assertThat(wholeBefore.get(0).unit()).isNull();
        assertThat(wholeAfter.get(0).cacheKey()).isNotEqualTo(wholeBefore.get(0).cacheKey());
    }

    @Test
    void windowKeysChangeWithANeighbour() {
        List<UnitQuestion> a = judge.questions(task(GuidelineScope.WINDOW, "One.\nTwo.\nThree.\nFour."), "t");
        List<UnitQuestion> b = judge.questions(task(GuidelineScope.WINDOW, "One.\nTwo, edited.\nThree.\nFour."), "t");

        assertThat(b.get(0).cacheKey()).isNotEqualTo(a.get(0).cacheKey());
        assertThat(b.get(2).cacheKey()).isNotEqualTo(a.get(2).cacheKey());
        assertThat(b.get(3).cacheKey()).isEqualTo(a.get(3).cacheKey());
        assertThat(b.get(2).before()).isEqualTo("Two, edited.");
        assertThat(b.get(2).after()).isEqualTo("Four.");
    }

    @Test
    void aGuidelineVersionOrAnotherModelIsAnotherKey() {
        GuidelineTask v1 = task(GuidelineScope.UNIT, "One.");
        Guideline g2 = new Guideline("g", "G", "c", Severity.ERROR, 1, "Judge it.", Checks.NONE, GuidelineScope.UNIT, "2");
        GuidelineTask v2 = new GuidelineTask(g2, v1.article(), null, "en");
        UnitJudge otherModel = new UnitJudge(new ObjectMapper(),
                new ChatRequestFactory(new ObjectMapper(), "gpt", 800, 0), true);

        String key = judge.questions(v1, "t").get(0).cacheKey();
        assertThat(judge.questions(v2, "t").get(0).cacheKey()).isNotEqualTo(key);
        assertThat(otherModel.questions(v1, "t").get(0).cacheKey()).isNotEqualTo(key);
        assertThat(new UnitJudge(new ObjectMapper(), new ChatRequestFactory(new ObjectMapper(), "claude", 800, 0), false)
                .questions(v1, "t").get(0).cacheKey()).as("cache off").isNull();
    }

    @Test
    void somewhereStaysPassingWhileTheUnitThatSatisfiedItIsUnchanged() {
        GuidelineTask task = task(GuidelineScope.SOMEWHERE, "Intro, edited.\nCapital at risk.\nOutro, edited.");
        List<UnitQuestion> q = judge.questions(task, "t");
        PendingGuideline satisfied = new PendingGuideline(task, List.of(UnitAnswer.miss(q.get(0)),
                cached(q.get(1), Verdict.PASS), UnitAnswer.miss(q.get(2))));
        assertThat(satisfied.open()).isEmpty();
        GuidelineResult pass = UnitVerdicts.combine(satisfied, List.of());
        assertThat(pass.verdict()).isEqualTo(Verdict.PASS);
        assertThat(pass.reused()).isTrue();

        PendingGuideline failedBefore = new PendingGuideline(task, List.of(UnitAnswer.miss(q.get(0)),
                cached(q.get(1), Verdict.FAIL), UnitAnswer.miss(q.get(2))));
        assertThat(failedBefore.open()).extracting(UnitQuestion::unit).containsExactly(q.get(0).unit(), q.get(2).unit());
        GuidelineResult fail = UnitVerdicts.combine(failedBefore,
                List.of(fresh(q.get(0), Verdict.FAIL), fresh(q.get(2), Verdict.FAIL)));
        assertThat(fail.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(fail.findings()).hasSize(1);
        assertThat(fail.findings().get(0).offset()).isNull();
        assertThat(fail.reused()).isFalse();
        assertThat(fail.llm().calls()).isEqualTo(2);
    }

    @Test
    void unitVerdictsCombineToTheWorstAndKeepTheirCosts() {
        GuidelineTask task = task(GuidelineScope.UNIT, "A.\nB.\nC.");
        List<UnitQuestion> q = judge.questions(task, "t");
        PendingGuideline pending = new PendingGuideline(task, List.of(cached(q.get(0), Verdict.PASS),
                UnitAnswer.miss(q.get(1)), cached(q.get(2), Verdict.NOT_APPLICABLE)));

        GuidelineResult r = UnitVerdicts.combine(pending, List.of(fresh(q.get(1), Verdict.WARN)));

        assertThat(r.verdict()).isEqualTo(Verdict.WARN);
        assertThat(r.reused()).isFalse();
        assertThat(r.llm().promptTokens()).isEqualTo(100);
        assertThat(r.reusedLlm().promptTokens()).isEqualTo(200);
        assertThat(r.reusedLlm().calls()).isEqualTo(2);
    }

    private static UnitAnswer cached(UnitQuestion q, Verdict v) {
        return new UnitAnswer(q, new CachedVerdict("job-1", v, 0.9, v + " here.", List.of(), "claude", 1, 100, 10, 0),
                true, null);
    }

    private static UnitAnswer fresh(UnitQuestion q, Verdict v) {
        return new UnitAnswer(q, new CachedVerdict("job-2", v, 0.8, v + " now.", new ArrayList<>(), "claude", 1, 100,
                10, 5), false, null);
    }

    private static GuidelineTask task(GuidelineScope scope, String text) {
        Guideline g = new Guideline("g", "G", "c", Severity.ERROR, 1, "Judge it.", Checks.NONE, scope, "1");
        return new GuidelineTask(g, PlainText.of(text, ArticleFormat.PLAIN), null, "en");
    }
}
