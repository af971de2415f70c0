package hub.incremental;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import hub.guideline.GuidelineScope;
import hub.llm.ChatRequestFactory;
import hub.llm.ParsedBatch;
import hub.llm.ParsedBatch.GuidelineAnswer;
import hub.llm.ParsedBatch.RequirementAnswer;
import hub.llm.ParsedBatch.Violation;
import hub.llm.QuotedFinding;
import hub.report.model.TokenUsage;
import hub.report.model.GuidelineResult;
import hub.report.model.GuidelineResult.LlmCall;
import hub.report.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UnitBatchJudgeTest {

    private final UnitJudge judge = new UnitJudge(new ObjectMapper(),
            new ChatRequestFactory(new ObjectMapper(), "claude", 800, 0), true);
    private final List<UnitQuestion> a = judge.questions(UnitBatchesTest.task("a", GuidelineScope.UNIT), "t");
    private final List<UnitQuestion> b = judge.questions(UnitBatchesTest.task("b", GuidelineScope.UNIT), "t");

    @Test
    void eachOpenPairGetsItsVerdictFindingsAndAShareOfTheCall() {
        // Units 2-4 ("Two two.", "Three three three.", "Four.") for a; only unit 3 for b (the others were cached).
        UnitBatch batch = UnitBatch.of(List.of(a.get(1), a.get(2), a.get(3), b.get(2)));
        ParsedBatch answer = new ParsedBatch(true, null, List.of(
                new GuidelineAnswer("a", Set.of(1, 2, 3), "Repeats words.", List.of(
                        new Violation(2, Verdict.WARN, 0.6, new QuotedFinding("three three", "Repeated.", null)),
                        new Violation(2, Verdict.FAIL, 0.7, new QuotedFinding("Three", "Capital.", "three")),
                        new Violation(3, Verdict.WARN, 0.5, new QuotedFinding("Four.", "Short.", null)))),
                new GuidelineAnswer("b", Set.of(), "Nothing here.", List.of())), List.of(), "{}",
                new TokenUsage(1001, 99), "m");

        List<UnitAnswer> answers = UnitBatchJudge.verdicts(batch, answer, "job-1", new LlmCall("m", 1, 1001, 99, 700));

        assertThat(answers).extracting(UnitAnswer::question).containsExactly(a.get(1), a.get(2), a.get(3), b.get(2));
        assertThat(answers).extracting(x -> x.verdict().verdict())
                .containsExactly(Verdict.PASS, Verdict.FAIL, Verdict.WARN, Verdict.NOT_APPLICABLE);
        CachedVerdict worst = answers.get(1).verdict();
        assertThat(worst.confidence()).isEqualTo(0.7);
        assertThat(worst.rationale()).isEqualTo("Repeats words.");
        assertThat(worst.findings()).extracting(CachedVerdict.SpanFinding::quote, CachedVerdict.SpanFinding::relOffset)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("three three", 6),
                        org.assertj.core.groups.Tuple.tuple("Three", 0));
        assertThat(answers.get(0).verdict().findings()).isEmpty();
        assertThat(answers.get(0).verdict().confidence()).isNull();
        assertThat(answers.get(3).verdict().findings()).isEmpty();
        assertThat(answers).allMatch(x -> !x.reused() && x.error() == null && "job-1".equals(x.verdict().jobId()));

        assertThat(answers.stream().mapToInt(x -> x.verdict().calls()).sum()).isEqualTo(1);
        assertThat(answers.stream().mapToInt(x -> x.verdict().promptTokens()).sum()).isEqualTo(1001);
        assertThat(answers.stream().mapToInt(x -> x.verdict().completionTokens()).sum()).isEqualTo(99);
        assertThat(answers).extracting(x -> x.verdict().promptTokens()).containsExactly(251, 250, 250, 250);
        assertThat(answers).allMatch(x -> x.verdict().latencyMs() == 700 && "m".equals(x.verdict().model()));
    }

    @Test
    void aFailedBatchLeavesEveryPairErrorWithItsShareOfTheTokens() {
        UnitBatch batch = UnitBatch.of(List.of(a.get(0), b.get(0), a.get(1)));

        List<UnitAnswer> answers = UnitBatchJudge.errors(batch, "The model's answer was invalid twice: x",
                new LlmCall("m", 2, 300, 31, 5));

        assertThat(answers).hasSize(3).allMatch(x -> x.verdict() == null && x.error().verdict() == Verdict.ERROR);
        assertThat(answers).extracting(x -> x.error().reason()).containsOnly("The model's answer was invalid twice: x");
        assertThat(answers.stream().mapToInt(x -> x.error().llm().calls()).sum()).isEqualTo(2);
        assertThat(answers.stream().mapToInt(x -> x.error().llm().completionTokens()).sum()).isEqualTo(31);
        assertThat(UnitBatchJudge.errors(batch, "LLM unavailable", null)).allMatch(x -> x.error().llm() == null);
    }

    @Test
    void theGuidelineResultIsTheWorstPairAndAnyErrorMakesItError() {
        UnitBatch batch = UnitBatch.of(List.of(a.get(0), a.get(1)));
        ParsedBatch answer = new ParsedBatch(true, null, List.of(new GuidelineAnswer("a", Set.of(2), "Short.",
                List.of(new Violation(2, Verdict.FAIL, 0.9, new QuotedFinding("Two", "m", null))))), List.of(), "{}",
                TokenUsage.NONE, "m");
        List<UnitAnswer> fresh = UnitBatchJudge.verdicts(batch, answer, "job", new LlmCall("m", 1, 10, 2, 1));
        PendingGuideline pending = new PendingGuideline(a.get(0).task(), lookups(a, 2));

        GuidelineResult result = judge.combine(List.of(pending), List.of(fresh)).get(0);
        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.findings()).singleElement().satisfies(f -> assertThat(f.quote()).isEqualTo("Two"));
        assertThat(result.llm().calls()).isEqualTo(1);
        assertThat(result.llm().promptTokens()).isEqualTo(10);

        List<UnitAnswer> failed = UnitBatchJudge.errors(batch, "LLM unavailable: breaker", null);
        GuidelineResult error = judge.combine(List.of(pending), List.of(failed)).get(0);
        assertThat(error.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(error.reason()).isEqualTo("LLM unavailable: breaker");
    }

    @Test
    void aRequirementIsPassWhereSatisfiedAndFailElsewhereAsTheSingleUnitCallCachedIt() {
        List<UnitQuestion> s = judge.questions(UnitBatchesTest.task("s", GuidelineScope.SOMEWHERE), "t");
        // Units 1-3 for the unit-scope guideline a and the somewhere guideline s, in one batch.
        UnitBatch batch = UnitBatch.of(List.of(a.get(0), s.get(0), a.get(1), s.get(1), a.get(2), s.get(2)));
        assertThat(batch.guidelineIds()).containsExactly("a");
        assertThat(batch.requirementIds()).containsExactly("s");
        ParsedBatch answer = new ParsedBatch(true, null,
                List.of(new GuidelineAnswer("a", Set.of(1, 2, 3), "Fine.", List.of())),
                List.of(new RequirementAnswer("s", Set.of(2), "Passage 2 warns.")), "{}", new TokenUsage(600, 60), "m");

        List<UnitAnswer> answers = UnitBatchJudge.verdicts(batch, answer, "job-s", new LlmCall("m", 1, 600, 60, 9));

        List<UnitAnswer> somewhere = answers.stream().filter(x -> x.guidelineId().equals("s")).toList();
        assertThat(somewhere).extracting(x -> x.verdict().verdict())
                .containsExactly(Verdict.FAIL, Verdict.PASS, Verdict.FAIL);
        assertThat(somewhere).allMatch(x -> x.verdict().findings().isEmpty() && x.verdict().confidence() == null
                && "Passage 2 warns.".equals(x.verdict().rationale()));
        assertThat(answers.stream().mapToInt(x -> x.verdict().promptTokens()).sum()).isEqualTo(600);
        assertThat(answers.stream().mapToInt(x -> x.verdict().calls()).sum()).isEqualTo(1);

        // Combined as before: one satisfying unit makes the guideline PASS; none, FAIL with an article-level finding.
        List<UnitAnswer> earlier = new ArrayList<>(lookups(s, 5).subList(0, 3));
        s.subList(3, 5).forEach(q -> earlier.add(new UnitAnswer(q,
                new CachedVerdict("old", Verdict.FAIL, null, "No warning.", List.of(), "m", 1, 5, 1, 0), true, null)));
        PendingGuideline pending = new PendingGuideline(s.get(0).task(), earlier);
        assertThat(judge.combine(List.of(pending), List.of(answers)).get(0).verdict()).isEqualTo(Verdict.PASS);
        ParsedBatch none = new ParsedBatch(true, null, List.of(new GuidelineAnswer("a", Set.of(), "-", List.of())),
                List.of(new RequirementAnswer("s", Set.of(), "No warning.")), "{}", TokenUsage.NONE, "m");
        GuidelineResult missing = judge.combine(List.of(new PendingGuideline(s.get(0).task(), lookups(s, 5))),
                List.of(UnitBatchJudge.verdicts(UnitBatch.of(s), none, "job", new LlmCall("m", 1, 1, 1, 1)))).get(0);
        assertThat(missing.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(missing.findings()).singleElement().satisfies(f -> assertThat(f.offset()).isNull());
    }

    private static List<UnitAnswer> lookups(List<UnitQuestion> questions, int open) {
        List<UnitAnswer> lookups = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            lookups.add(i < open ? UnitAnswer.miss(questions.get(i)) : new UnitAnswer(questions.get(i),
                    new CachedVerdict("old", Verdict.PASS, null, "Fine.", List.of(), "m", 1, 5, 1, 0), true, null));
        }
        return lookups;
    }
}
