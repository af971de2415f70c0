package hub.report;

import hub.article.PlainText;
import hub.article.QuoteLocator;
import hub.candidatereview.CandidateReview;
import hub.guideline.Guideline;
import hub.guideline.GuidelineTask;
import hub.report.model.EvaluatedBy;
import hub.report.model.Finding;
import hub.report.model.GuidelineResult;
import hub.report.model.Severity;
import hub.incremental.UnitQuestion;
import hub.llm.ChatRequestFactory;
import hub.llm.ParsedVerdict;
import hub.llm.QuotedFinding;
import hub.report.model.Verdict;
import hub.rules.RuleEngine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Produces the verdict on one guideline. Deterministic checks run first. On a guideline without an instruction they
 * decide alone; on one with an instruction their hits are candidates that the model confirms or overrules (an
 * overruled hit stays in the report, marked), and the model judges what the rules leave open. Without a model a
 * certain hit decides, and a hit that needs review makes a WARN that says so.
 */
@Component("guidelineJudge")
public class GuidelineJudge {

    private final RuleEngine rules;
    private final ChatRequestFactory requests;

    public GuidelineJudge(RuleEngine rules, ChatRequestFactory requests) {
        this.rules = rules;
        this.requests = requests;
    }

    /** The hits of the guideline's deterministic checks (exceptions applied, overlaps merged), in text order. */
    public List<Finding> ruleFindings(GuidelineTask task) {
        Guideline g = task.guideline();
        return g.hasDeterministicChecks()
                ? rules.check(g, task.article(), task.language() == null ? null : Locale.forLanguageTag(task.language()))
                : List.of();
    }

    /** The hits located in the text: the candidates the model reviews (article-level ones it judges on the article). */
    public List<Finding> located(List<Finding> hits) {
        return hits.stream().filter(f -> f.offset() != null).toList();
    }

    /**
     * The verdict of the deterministic checks when they decide the guideline alone (it has no instruction for the
     * model), or null: a guideline with an instruction goes to the model, with the rule hits as candidates for it to
     * confirm or overrule.
     */
    public GuidelineResult byRules(GuidelineTask task, List<Finding> findings) {
        Guideline g = task.guideline();
        if (g.needsLlm()) {
            return null;
        }
        return findings.isEmpty()
                ? g.result(Verdict.PASS, EvaluatedBy.RULE, List.of(), "All deterministic checks passed.",
                        1.0, null, null)
                : ofRuleHits(g, findings, null);
    }

    /** The rules' verdict alone on a guideline with an instruction, when no model is configured. */
    public GuidelineResult withoutModel(GuidelineTask task, List<Finding> findings) {
        return findings.isEmpty() ? notConfigured(task) : ofRuleHits(task.guideline(), findings,
                "No LLM is configured (hub.llm.enabled=false): the rule findings were not reviewed by a model.");
    }

    /**
     * FAIL (error severity) or WARN when a hit is certain; a WARN that needs review when every hit needs review
     * (the rules cannot tell, e.g. a quotation, and no model judged).
     */
    static GuidelineResult ofRuleHits(Guideline g, List<Finding> findings, String reason) {
        boolean certain = findings.stream().anyMatch(Finding::certain);
        if (!certain) {
            return g.result(Verdict.WARN, EvaluatedBy.RULE, findings, "Deterministic checks found "
                    + findings.size() + " possible problem(s) that need review.", null, reason, null).needingReview();
        }
        Verdict verdict = g.severity() == Severity.ERROR ? Verdict.FAIL : Verdict.WARN;
        return g.result(verdict, EvaluatedBy.RULE, findings,
                "Deterministic checks found " + findings.size() + " problem(s).", 1.0, reason, null);
    }

    /**
     * The guideline's result after the model reviewed its rule candidates (the body, a {@link CandidateReview} of the
     * {@code ruleCandidates} property): the rules' verdict on the confirmed hits, with the overruled ones marked; or
     * null when the model overruled every hit, so that the model judges the guideline as if the rules had found
     * nothing (the {@code task} property then carries the overruled hits for the result). When the model could not
     * review them, the rules decide alone and the reason says so.
     */
    @SuppressWarnings("unchecked")
    public GuidelineResult reviewed(Exchange exchange) {
        GuidelineTask task = exchange.getProperty("task", GuidelineTask.class);
        List<Finding> candidates = exchange.getProperty("ruleCandidates", List.class);
        List<Finding> hits = exchange.getProperty("ruleHits", List.class);
        CandidateReview review = exchange.getIn().getBody(CandidateReview.class);
        GuidelineResult result = reviewed(task, candidates, review);
        if (result == null) {
            exchange.setProperty("task", task.withOverruled(decided(candidates, review), review.call()));
        } else if (hits != null && hits.size() > candidates.size()) {
            List<Finding> all = new ArrayList<>(result.findings());
            hits.stream().filter(f -> f.offset() == null).forEach(all::add);
            result = result.withFindings(all);
        }
        return result;
    }

    static GuidelineResult reviewed(GuidelineTask task, List<Finding> candidates, CandidateReview review) {
        Guideline g = task.guideline();
        if (!review.valid()) {
            return ofRuleHits(g, candidates, "The model could not review the rule findings (" + review.problem()
                    + "); the rules decided alone.").withMoreLlm(review.call());
        }
        List<Finding> findings = decided(candidates, review);
        long confirmed = findings.stream().filter(Finding::live).count();
        if (confirmed == 0) {
            return null;
        }
        Verdict verdict = g.severity() == Severity.ERROR ? Verdict.FAIL : Verdict.WARN;
        return g.result(verdict, EvaluatedBy.RULE, findings, "The model confirmed " + confirmed + " of "
                + candidates.size() + " rule finding(s).", 1.0, null, review.call());
    }

    /** The candidates as the model decided them: confirmed, or overruled with its reason (also when it gave none). */
    private static List<Finding> decided(List<Finding> candidates, CandidateReview review) {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            CandidateReview.Decision d = review.decision(i);
            findings.add(d != null && d.confirmed() ? candidates.get(i).confirmed()
                    : candidates.get(i).overruled("llm", d == null ? null : d.reason()));
        }
        return findings;
    }

    public GuidelineResult notConfigured(GuidelineTask task) {
        Guideline g = task.guideline();
        String rulesNote = g.hasDeterministicChecks() ? " Its deterministic checks found nothing." : "";
        return g.result(Verdict.NOT_EVALUATED, EvaluatedBy.LLM, List.of(), null, null,
                "No LLM is configured (hub.llm.enabled=false); this guideline needs model judgement." + rulesNote, null);
    }

    /** The first chat request for the task in the {@code task} property; starts the LLM clock. */
    public String firstRequest(Exchange exchange) {
        GuidelineTask task = exchange.getProperty("task", GuidelineTask.class);
        UnitQuestion question = exchange.getProperty(UnitQuestion.PROPERTY, UnitQuestion.class);
        exchange.setProperty("llmStartedAt", System.nanoTime());
        exchange.setProperty("llmModel", requests.model());
        String request = question != null && question.outline()
                ? requests.outlineRequest(task.guideline(), task.title(), question.passage(), task.language())
                : question == null || question.unit() == null
                ? requests.firstRequest(task.guideline(), task.title(), task.article().text(), task.language())
                : requests.unitRequest(task.guideline(), null, question.passage(), question.before(),
                        question.after(), task.language());
        exchange.setProperty("llmRequest", request);
        return request;
    }

    /** The one re-ask after an invalid answer (the body); the invalid answer is kept for the token count. */
    public String reaskRequest(Exchange exchange) {
        ParsedVerdict invalid = exchange.getIn().getBody(ParsedVerdict.class);
        exchange.setProperty("llmFirstAnswer", invalid);
        return requests.reaskRequest(exchange.getProperty("llmRequest", String.class), invalid.assistantContent(),
                invalid.problem());
    }

    /** The model could not be reached (retries exhausted, circuit open) or the call failed. */
    public GuidelineResult llmUnavailable(Exchange exchange) {
        GuidelineTask task = exchange.getProperty("task", GuidelineTask.class);
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String why = cause == null ? "the circuit breaker is open" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return task.guideline().result(Verdict.ERROR, EvaluatedBy.LLM, List.of(), null, null,
                "LLM unavailable: " + why, null);
    }

    /**
     * The model's final answer (the body), after at most one re-ask whose first answer is kept in the
     * {@code llmFirstAnswer} property. Quotes are located in the article by the hub; model offsets are never used.
     */
    public GuidelineResult fromLlm(Exchange exchange) {
        GuidelineTask task = exchange.getProperty("task", GuidelineTask.class);
        ParsedVerdict answer = exchange.getIn().getBody(ParsedVerdict.class);
        ParsedVerdict first = exchange.getProperty("llmFirstAnswer", ParsedVerdict.class);
        exchange.setProperty(UnitQuestion.ANSWER_PROPERTY, answer);
        GuidelineResult.LlmCall call = GuidelineResult.LlmCall.measured(
                answer.model() != null ? answer.model() : exchange.getProperty("llmModel", String.class),
                answer.usage(), first == null ? null : first.usage(), exchange.getProperty("llmStartedAt", Long.class));

        Guideline g = task.guideline();
        if (!answer.valid()) {
            return g.result(Verdict.ERROR, EvaluatedBy.LLM, List.of(), null, null,
                    "The model's answer was invalid twice: " + answer.problem(), call);
        }
        return g.result(answer.verdict(), EvaluatedBy.LLM, locate(task.article(), answer),
                answer.rationale(), answer.confidence(), null, call);
    }

    static List<Finding> locate(PlainText article, ParsedVerdict answer) {
        List<Finding> located = new ArrayList<>();
        Map<String, Integer> cursor = new HashMap<>();
        for (QuotedFinding f : answer.findings()) {
            int from = cursor.getOrDefault(f.quote(), 0);
            var span = QuoteLocator.find(article.text(), f.quote(), from)
                    .or(() -> QuoteLocator.find(article.text(), f.quote(), 0));
            if (span.isPresent()) {
                int[] s = span.get();
                cursor.put(f.quote(), s[1]);
                located.add(article.locate("llm", s[0], s[1], f.message(), f.suggestion()));
            } else {
                located.add(new Finding("llm", f.message(), f.quote(), null, 0, f.suggestion()));
            }
        }
        return located;
    }
}
