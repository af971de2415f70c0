package hub.incremental;

import hub.guideline.Guideline;
import hub.guideline.GuidelineScope;
import hub.report.model.EvaluatedBy;
import hub.report.model.Finding;
import hub.report.model.GuidelineResult;
import hub.report.model.GuidelineResult.LlmCall;
import hub.guideline.GuidelineTask;
import hub.report.model.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Combines the answers on a guideline's questions into its result. Unit and window scope: the worst verdict of any
 * unit (FAIL, then WARN, then PASS; NOT_APPLICABLE when no unit is concerned), with every unit's findings.
 * Somewhere scope: PASS when a unit satisfies the guideline, else FAIL with one article-level finding. Outline scope:
 * the worst of its units' verdicts and the outline's, the outline's findings article-level. Article scope: the one
 * answer.
 */
final class UnitVerdicts {

    private static final List<Verdict> WORST_FIRST = List.of(Verdict.FAIL, Verdict.WARN, Verdict.PASS,
            Verdict.NOT_APPLICABLE);
    private static final int MAX_RATIONALES = 3;

    private UnitVerdicts() {
    }

    /** The answered ones of the guideline's questions: from the cache, else from the model's {@code fresh} answers. */
    static List<UnitAnswer> answers(PendingGuideline pending, List<UnitAnswer> fresh) {
        List<UnitAnswer> answers = new ArrayList<>();
        for (UnitAnswer lookup : pending.lookups()) {
            UnitAnswer answer = lookup.answered() ? lookup : fresh.stream()
                    .filter(f -> f.question() == lookup.question())
                    .findFirst().orElse(lookup);
            if (answer.answered()) {
                answers.add(answer);
            }
        }
        return answers;
    }

    static GuidelineResult combine(PendingGuideline pending, List<UnitAnswer> fresh) {
        GuidelineTask task = pending.task();
        Guideline g = task.guideline();
        List<UnitAnswer> answers = answers(pending, fresh);
        if (g.scope() == GuidelineScope.OUTLINE) {
            fresh.stream().filter(f -> f.question().task() == task && f.question().outline())
                    .findFirst().ifPresent(answers::add);
        }
        LlmCall called = sum(answers.stream().filter(a -> !a.reused()).toList());
        LlmCall reusedCost = sum(answers.stream().filter(UnitAnswer::reused).toList());
        String reusedFrom = answers.stream().filter(UnitAnswer::reused).map(a -> a.verdict().jobId())
                .filter(Objects::nonNull).findFirst().orElse(null);
        boolean reused = called == null && !answers.isEmpty();

        UnitAnswer failed = answers.stream().filter(a -> a.error() != null).findFirst().orElse(null);
        if (failed != null) {
            GuidelineResult error = failed.error();
            return g.result(Verdict.ERROR, EvaluatedBy.LLM, List.of(), null, null, error.reason(), called)
                    .withReuse(false, null, reusedCost);
        }
        GuidelineResult result = g.scope() == GuidelineScope.SOMEWHERE
                ? somewhere(task, answers, called)
                : worstOf(task, answers.stream().filter(a -> a.question().task() == task).toList(), called);
        return result.withReuse(reused, reused ? reusedFrom : null, reusedCost);
    }

    private static GuidelineResult worstOf(GuidelineTask task, List<UnitAnswer> answers, LlmCall called) {
        Verdict overall = WORST_FIRST.stream()
                .filter(v -> answers.stream().anyMatch(a -> a.verdict().verdict() == v))
                .findFirst().orElse(Verdict.NOT_APPLICABLE);
        List<Finding> findings = new ArrayList<>();
        for (UnitAnswer a : answers) {
            UnitQuestion q = a.question();
            for (CachedVerdict.SpanFinding f : a.verdict().findings()) {
                // The outline's findings quote the outline, not the article: they concern the article as a whole.
                findings.add(q.outline()
                        ? Finding.articleLevel("llm", f.message(), f.suggestion()).reused(a.reused())
                        : SpanFindings.rebase(f, task.article(), q.start(), q.end(), a.reused()));
            }
            if (q.outline() && a.verdict().findings().isEmpty()
                    && (a.verdict().verdict() == Verdict.FAIL || a.verdict().verdict() == Verdict.WARN)) {
                findings.add(Finding.articleLevel("llm", a.verdict().rationale(), null).reused(a.reused()));
            }
        }
        List<UnitAnswer> deciding = answers.stream().filter(a -> a.verdict().verdict() == overall).toList();
        return task.guideline().result(overall, EvaluatedBy.LLM, findings, rationale(deciding),
                confidence(deciding), null, called);
    }

    private static GuidelineResult somewhere(GuidelineTask task, List<UnitAnswer> answers, LlmCall called) {
        List<UnitAnswer> passing = answers.stream().filter(a -> a.verdict().verdict() == Verdict.PASS).toList();
        if (!passing.isEmpty()) {
            return task.guideline().result(Verdict.PASS, EvaluatedBy.LLM, List.of(),
                    rationale(passing.subList(0, 1)), confidence(passing.subList(0, 1)), null, called);
        }
        boolean concerned = answers.stream().anyMatch(a -> a.verdict().verdict() != Verdict.NOT_APPLICABLE);
        if (!concerned) {
            return task.guideline().result(Verdict.NOT_APPLICABLE, EvaluatedBy.LLM, List.of(),
                    rationale(answers), confidence(answers), null, called);
        }
        Verdict verdict = answers.stream().anyMatch(a -> a.verdict().verdict() == Verdict.FAIL) ? Verdict.FAIL : Verdict.WARN;
        String message = "No part of the article satisfies this guideline: " + task.guideline().title() + ".";
        return task.guideline().result(verdict, EvaluatedBy.LLM,
                List.of(Finding.articleLevel("llm", message, null)), message, confidence(answers), null, called);
    }

    private static String rationale(List<UnitAnswer> answers) {
        Set<String> distinct = new LinkedHashSet<>();
        answers.forEach(a -> distinct.add(a.verdict().rationale()));
        List<String> shown = distinct.stream().limit(MAX_RATIONALES).toList();
        String joined = String.join(" ", shown);
        return distinct.size() > shown.size()
                ? joined + " (and " + (distinct.size() - shown.size()) + " more unit(s) alike)"
                : joined;
    }

    private static Double confidence(List<UnitAnswer> answers) {
        return answers.stream().map(a -> a.verdict().confidence()).filter(Objects::nonNull)
                .min(Double::compare).orElse(null);
    }

    /** The calls behind the answers, or null when there were none. */
    private static LlmCall sum(List<UnitAnswer> answers) {
        LlmCall total = null;
        for (UnitAnswer a : answers) {
            LlmCall call = a.verdict() != null
                    ? new LlmCall(a.verdict().model(), a.verdict().calls(), a.verdict().promptTokens(),
                            a.verdict().completionTokens(), a.reused() ? 0 : a.verdict().latencyMs())
                    : a.error().llm();
            if (call == null) {
                continue;
            }
            total = total == null ? call : new LlmCall(total.model(), total.calls() + call.calls(),
                    total.promptTokens() + call.promptTokens(), total.completionTokens() + call.completionTokens(),
                    Math.max(total.latencyMs(), call.latencyMs()));
        }
        return total;
    }
}
