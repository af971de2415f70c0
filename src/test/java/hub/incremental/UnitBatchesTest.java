package hub.incremental;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import hub.article.ArticleFormat;
import hub.article.PlainText;
import hub.guideline.Checks;
import hub.guideline.Guideline;
import hub.guideline.GuidelineScope;
import hub.report.model.Severity;
import hub.llm.ChatRequestFactory;
import hub.guideline.GuidelineTask;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnitBatchesTest {

    static final String TEXT = "One.\nTwo two.\nThree three three.\nFour.\nFive.";
    private static final PlainText ARTICLE = PlainText.of(TEXT, ArticleFormat.PLAIN);

    private final UnitJudge judge = new UnitJudge(new ObjectMapper(),
            new ChatRequestFactory(new ObjectMapper(), "claude", 800, 0), true);

    @Test
    void consecutiveUnitsAreBatchedUpToMaxPassagesWithTheUnionOfTheirGuidelines() {
        List<UnitQuestion> open = new ArrayList<>(questions("a", GuidelineScope.UNIT));
        open.addAll(questions("b", GuidelineScope.UNIT).subList(3, 5));

        List<Object> work = new UnitBatches(2, 1000).plan(open);

        assertThat(work).hasSize(3).allMatch(UnitBatch.class::isInstance);
        UnitBatch first = (UnitBatch) work.get(0);
        assertThat(first.passages()).containsExactly("One.", "Two two.");
        assertThat(first.guidelineIds()).containsExactly("a");
        assertThat(first.questions()).hasSize(2);
        UnitBatch last = (UnitBatch) work.get(2);
        assertThat(last.passages()).containsExactly("Five.");
        UnitBatch middle = (UnitBatch) work.get(1);
        assertThat(middle.passages()).containsExactly("Three three three.", "Four.");
        assertThat(middle.guidelineIds()).containsExactly("a", "b");
        assertThat(middle.questions()).hasSize(3);
        assertThat(middle.passageNumber(middle.units().get(1))).isEqualTo(2);
        assertThat(work.stream().mapToInt(w -> ((UnitBatch) w).questions().size()).sum()).isEqualTo(open.size());
    }

    @Test
    void theCharacterBoundStartsANewBatchAndALongUnitGetsOneOfItsOwn() {
        List<Object> work = new UnitBatches(24, 10).plan(questions("a", GuidelineScope.UNIT));

        assertThat(work).extracting(w -> ((UnitBatch) w).passages()).containsExactly(
                List.of("One."), List.of("Two two."), List.of("Three three three."), List.of("Four.", "Five."));
    }

    @Test
    void unitsAreBatchedInArticleOrderWhateverTheOrderOfTheQuestions() {
        List<UnitQuestion> open = new ArrayList<>(questions("a", GuidelineScope.UNIT));
        java.util.Collections.reverse(open);

        UnitBatch batch = (UnitBatch) new UnitBatches(24, 6000).plan(open).get(0);

        assertThat(batch.passages()).containsExactly("One.", "Two two.", "Three three three.", "Four.", "Five.");
    }

    @Test
    void somewhereQuestionsJoinTheBatchesAndWindowAndArticleQuestionsStayOneCallEach() {
        List<UnitQuestion> open = new ArrayList<>(questions("w", GuidelineScope.WINDOW));
        open.addAll(questions("s", GuidelineScope.SOMEWHERE));
        open.addAll(questions("x", GuidelineScope.ARTICLE));
        open.addAll(questions("a", GuidelineScope.UNIT));

        List<Object> work = new UnitBatches(24, 6000).plan(open);

        assertThat(work).hasSize(1 + 5 + 1);
        UnitBatch batch = (UnitBatch) work.get(0);
        assertThat(batch.questions()).hasSize(10);
        assertThat(batch.guidelineIds()).containsExactly("a");
        assertThat(batch.requirementIds()).containsExactly("s");
        assertThat(work.subList(1, work.size())).allMatch(UnitQuestion.class::isInstance)
                .extracting(w -> ((UnitQuestion) w).guidelineId()).containsOnly("w", "x");
    }

    @Test
    void nothingOpenIsNoWork() {
        assertThat(new UnitBatches(24, 6000).plan(List.of())).isEmpty();
        assertThatThrownBy(() -> new UnitBatches(0, 6000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unitScopeKeysNameTheBatchPromptSoOldEntriesAreNotRead() {
        String unitKey = questions("a", GuidelineScope.UNIT).get(0).cacheKey();
        String windowKey = questions("a", GuidelineScope.WINDOW).get(0).cacheKey();

        assertThat(unitKey).isNotEqualTo(windowKey);
        assertThat(questions("a", GuidelineScope.UNIT).get(0).cacheKey()).isEqualTo(unitKey);
    }

    List<UnitQuestion> questions(String guidelineId, GuidelineScope scope) {
        return judge.questions(task(guidelineId, scope), "t");
    }

    static GuidelineTask task(String guidelineId, GuidelineScope scope) {
        Guideline g = new Guideline(guidelineId, guidelineId.toUpperCase(), "c", Severity.ERROR, 1,
                "Judge " + guidelineId + ".", Checks.NONE, scope, "1");
        return new GuidelineTask(g, ARTICLE, null, "en");
    }
}
