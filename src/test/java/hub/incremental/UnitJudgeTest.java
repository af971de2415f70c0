package hub.incremental;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import hub.article.ArticleFormat;
import hub.article.PlainText;
import hub.guideline.Checks;
import hub.guideline.Guideline;
import hub.guideline.GuidelineScope;
import hub.report.model.Severity;
import hub.llm.ChatRequestFactory;
import hub.report.model.GuidelineResult;
import hub.guideline.GuidelineTask;
import hub.report.model.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    void oneLookupAnswersEveryQuestionInOrderAndAnUnreadableEntryIsAMiss() {
        List<UnitQuestion> questions = judge.questions(task(GuidelineScope.UNIT, "One.\nTwo.\nThree."), "t");
        assertThat(judge.cacheKeys(questions)).hasSize(3)
                .containsExactlyElementsOf(questions.stream().map(UnitQuestion::cacheKey).toList());
        String cached = "{\"jobId\":\"j-1\",\"verdict\":\"FAIL\",\"rationale\":\"Cached.\",\"model\":\"m\"}";

        List<UnitAnswer> answers = judge.lookedUpAll(questions, java.util.Arrays.asList(cached, null, "{not json"));

        assertThat(answers).extracting(UnitAnswer::question).containsExactlyElementsOf(questions);
        assertThat(answers).extracting(UnitAnswer::answered).containsExactly(true, false, false);
        assertThat(answers.get(0).verdict().verdict()).isEqualTo(Verdict.FAIL);
        assertThat(answers.get(0).verdict().jobId()).isEqualTo("j-1");
    }

    @Test
    void oneLookupServesAllOfAJobsPendingGuidelinesInOrderAndLeavesDecidedOnesAsTheyAre() {
        PendingGuideline units = new PendingGuideline(task(GuidelineScope.UNIT, "One.\nTwo."),
                judge.questions(task(GuidelineScope.UNIT, "One.\nTwo."), "t").stream().map(UnitAnswer::miss).toList());
        GuidelineResult decided = new GuidelineResult("r", "R", "c", Severity.ERROR, 1, Verdict.PASS,
                hub.report.model.EvaluatedBy.RULE, List.of(), "decided by its rules", null, null, null);
        PendingGuideline article = new PendingGuideline(task(GuidelineScope.ARTICLE, "One.\nTwo."),
                judge.questions(task(GuidelineScope.ARTICLE, "One.\nTwo."), "t").stream().map(UnitAnswer::miss).toList());
        List<Object> evaluations = List.of(units, decided, article);
        assertThat(units.open()).as("not looked up yet: every question open").hasSize(2);

        List<String> keys = judge.cacheKeysOf(evaluations);
        assertThat(keys).containsExactly(units.lookups().get(0).question().cacheKey(),
                units.lookups().get(1).question().cacheKey(), article.lookups().get(0).question().cacheKey());

        String cached = "{\"jobId\":\"j-1\",\"verdict\":\"PASS\",\"rationale\":\"Cached.\",\"model\":\"m\"}";
        List<Object> looked = judge.withCachedAnswers(evaluations, java.util.Arrays.asList(null, cached, cached));

        assertThat(looked).hasSize(3);
        assertThat(looked.get(1)).isSameAs(decided);
        PendingGuideline unitsLooked = (PendingGuideline) looked.get(0);
        assertThat(unitsLooked.task()).isSameAs(units.task());
        assertThat(unitsLooked.lookups()).extracting(UnitAnswer::answered).containsExactly(false, true);
        assertThat(unitsLooked.open()).containsExactly(units.lookups().get(0).question());
        assertThat(((PendingGuideline) looked.get(2)).open()).as("the article question, answered").isEmpty();
        assertThat(judge.withCachedAnswers(List.of(decided), List.of())).containsExactly(decided);
    }

    @Test
    void withTheUnitCacheOffNothingIsLookedUpAndEveryQuestionIsOpen() {
        UnitJudge off = new UnitJudge(new ObjectMapper(), new ChatRequestFactory(new ObjectMapper(), "claude", 800, 0), false);
        List<UnitQuestion> questions = off.questions(task(GuidelineScope.UNIT, "One.\nTwo."), "t");

        assertThat(off.cacheKeys(questions)).isEmpty();
        assertThat(off.lookedUpAll(questions, List.of())).extracting(UnitAnswer::answered).containsExactly(false, false);
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

    @Test
    void anOutlineGuidelineAsksEachUnitAndEachRoleAndItsOutlineKeyFollowsOnlyTheRoles() {
        GuidelineTask before = outlineTask("Part 1\nIt grows fast.\nYou may lose money.");
        List<UnitQuestion> q = judge.questions(before, "t");
        assertThat(q).as("3 units x (the guideline + 2 roles)").hasSize(9);
        assertThat(q).extracting(UnitQuestion::askedId).containsOnly("balance", "balance#benefit", "balance#risk");
        assertThat(q).extracting(UnitQuestion::guidelineId).as("progress counts towards the guideline").containsOnly("balance");
        assertThat(q.stream().map(UnitQuestion::cacheKey).distinct()).hasSize(9);
        assertThat(new UnitBatches(24, 6000).plan(q)).as("one batch for all of them").hasSize(1);

        UnitQuestion outline = judge.outlineQuestion(before, "t", roles(q, "benefit@1", "risk@2"));
        assertThat(outline.outline()).isTrue();
        assertThat(outline.passage()).isEqualTo("[1] heading: none\n[2] paragraph: benefit\n[3] paragraph: risk");

        GuidelineTask edited = outlineTask("Part 1\nIt grows steadily.\nYou may lose money.");
        List<UnitQuestion> e = judge.questions(edited, "t");
        assertThat(judge.outlineQuestion(edited, "t", roles(e, "benefit@1", "risk@2")).cacheKey())
                .as("an edit that keeps every unit's roles keeps the outline").isEqualTo(outline.cacheKey());
        assertThat(judge.outlineQuestion(edited, "t", roles(e, "benefit@1", "benefit@2")).cacheKey())
                .as("a risk turned into a benefit").isNotEqualTo(outline.cacheKey());
    }

    @Test
    void anOutlineGuidelineIsTheWorstOfItsUnitsAndItsOutlineWhoseFindingsConcernTheWholeArticle() {
        GuidelineTask task = outlineTask("Part 1\nIt grows fast.\nYou may lose money.");
        List<UnitQuestion> q = judge.questions(task, "t");
        List<UnitAnswer> lookups = new ArrayList<>();
        q.forEach(question -> lookups.add(question.askedId().equals("balance") ? cached(question, Verdict.PASS)
                : cached(question, question.unit().index() == 2 ? Verdict.PASS : Verdict.FAIL)));
        PendingGuideline pending = new PendingGuideline(task, lookups);
        UnitQuestion outline = judge.outlineQuestion(task, "t", lookups);
        UnitAnswer outlineAnswer = new UnitAnswer(outline, new CachedVerdict("job-2", Verdict.FAIL, 0.7,
                "Risks only at the end.", List.of(new CachedVerdict.SpanFinding("Risks come last.", null,
                        "[3] paragraph: risk", 0, 19)), "claude", 1, 300, 30, 5), false, null);

        GuidelineResult r = UnitVerdicts.combine(pending, List.of(outlineAnswer));

        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.rationale()).isEqualTo("Risks only at the end.");
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.offset()).as("article-level").isNull();
            assertThat(f.quote()).isNull();
            assertThat(f.message()).isEqualTo("Risks come last.");
        });
        assertThat(r.reused()).isFalse();
        assertThat(r.llm().promptTokens()).isEqualTo(300);
        assertThat(r.reusedLlm().calls()).as("3 unit and 6 role verdicts from the cache").isEqualTo(9);

        GuidelineResult withoutOutline = UnitVerdicts.combine(pending, List.of());
        assertThat(withoutOutline.verdict()).as("the units alone pass").isEqualTo(Verdict.PASS);
    }

    @Test
    void unitKindsInTheOutline() {
        assertThat(Outlines.kind("Part 1: fees")).isEqualTo("heading");
        assertThat(Outlines.kind("What does it cost?")).isEqualTo("paragraph");
        assertThat(Outlines.kind("A long line without an end that goes on and on for many more words than any "
                + "heading would have")).isEqualTo("paragraph");
    }

    /** Answers every role question: PASS for "role@unitIndex" pairs, FAIL for the others. */
    private static List<UnitAnswer> roles(List<UnitQuestion> questions, String... playing) {
        List<String> pairs = List.of(playing);
        return questions.stream().filter(q -> q.askedId().contains("#"))
                .map(q -> cached(q, pairs.contains(q.askedId().substring(q.askedId().indexOf('#') + 1) + "@"
                        + q.unit().index()) ? Verdict.PASS : Verdict.FAIL))
                .toList();
    }

    private static GuidelineTask outlineTask(String text) {
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put("benefit", "States a benefit.");
        roles.put("risk", "States a risk.");
        Guideline g = new Guideline("balance", "Balance", "c", Severity.ERROR, 1, "Balance them.", Checks.NONE,
                GuidelineScope.OUTLINE, "1", roles);
        return new GuidelineTask(g, PlainText.of(text, ArticleFormat.PLAIN), "Title", "en");
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
