package hub.incremental;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import hub.cost.CallShares;
import hub.llm.ParsedBatch;
import hub.llm.ParsedBatch.GuidelineAnswer;
import hub.llm.ParsedBatch.RequirementAnswer;
import hub.llm.ParsedBatch.Violation;
import hub.llm.UnitBatchParser;
import hub.llm.UnitBatchRequestFactory;
import hub.report.model.EvaluatedBy;
import hub.report.model.GuidelineResult;
import hub.report.model.GuidelineResult.LlmCall;
import hub.report.model.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * One model call about a {@link UnitBatch} (the {@value #PROPERTY} property), for judge-unit-batch: the request, the
 * parsed answer, the one re-ask, and the verdict on every open pair of the batch. A passage the answer does not list
 * as applicable to a guideline is NOT_APPLICABLE for it; an applicable one is PASS without violations, else the
 * worst of its violations' verdicts with their findings. For a requirement ({@code somewhere} scope) a passage in its
 * {@code satisfiedBy} is PASS, any other FAIL, without findings: what the single-unit somewhere call cached. An answer invalid twice, or no answer, leaves every pair
 * ERROR. The call's calls and tokens are shared out over the batch's open pairs so that they add up to the call's
 * (integer shares, the remainder to the first pairs); each pair keeps the whole call's latency.
 */
@Component("unitBatchJudge")
public class UnitBatchJudge {

    /** The exchange property holding the batch a model call is about. */
    public static final String PROPERTY = "unitBatch";

    private final UnitBatchRequestFactory requests;
    private final UnitBatchParser parser;
    private final ObjectMapper mapper;

    public UnitBatchJudge(UnitBatchRequestFactory requests, UnitBatchParser parser, ObjectMapper mapper) {
        this.requests = requests;
        this.parser = parser;
        this.mapper = mapper;
    }

    /** The first chat request about the batch; starts the LLM clock. */
    public String firstRequest(Exchange exchange) {
        UnitBatch batch = batch(exchange);
        exchange.setProperty("llmStartedAt", System.nanoTime());
        String request = requests.request(batch.guidelines(), batch.passages(), batch.language());
        exchange.setProperty("llmRequest", request);
        return request;
    }

    /** The chat-completions response (the body) checked against the batch. */
    public ParsedBatch parse(Exchange exchange) {
        UnitBatch batch = batch(exchange);
        return parser.parse(exchange.getIn().getBody(String.class), batch.guidelineIds(), batch.requirementIds(),
                batch.passages());
    }

    /** The one re-ask after an invalid answer (the body); the invalid answer is kept for the token count. */
    public String reaskRequest(Exchange exchange) {
        ParsedBatch invalid = exchange.getIn().getBody(ParsedBatch.class);
        exchange.setProperty("llmFirstAnswer", invalid);
        return requests.reaskRequest(exchange.getProperty("llmRequest", String.class), invalid.assistantContent(),
                invalid.problem());
    }

    /** The answers on the batch's open pairs from the model's final answer (the body). */
    public List<UnitAnswer> answers(Exchange exchange) {
        UnitBatch batch = batch(exchange);
        ParsedBatch answer = exchange.getIn().getBody(ParsedBatch.class);
        ParsedBatch first = exchange.getProperty("llmFirstAnswer", ParsedBatch.class);
        LlmCall call = LlmCall.measured(answer.model() != null ? answer.model() : requests.model(), answer.usage(),
                first == null ? null : first.usage(), exchange.getProperty("llmStartedAt", Long.class));
        if (!answer.valid()) {
            return errors(batch, "The model's answer was invalid twice: " + answer.problem(), call);
        }
        return verdicts(batch, answer, exchange.getProperty("jobId", String.class), call);
    }

    /** The model could not be reached (retries exhausted, circuit open) or the call failed. */
    public List<UnitAnswer> unavailable(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String why = cause == null ? "the circuit breaker is open" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return errors(batch(exchange), "LLM unavailable: " + why, null);
    }

    /** The unit-cache entries (key to JSON) of the valid answers; none when the unit cache is off. */
    public Map<String, String> cacheEntries(List<UnitAnswer> answers) throws JsonProcessingException {
        Map<String, String> entries = new LinkedHashMap<>();
        for (UnitAnswer a : answers) {
            if (a.verdict() != null && a.question().cacheKey() != null) {
                entries.put(a.question().cacheKey(), mapper.writeValueAsString(a.verdict()));
            }
        }
        return entries;
    }

    static List<UnitAnswer> verdicts(UnitBatch batch, ParsedBatch answer, String jobId, LlmCall call) {
        List<UnitQuestion> open = batch.questions();
        List<UnitAnswer> answers = new ArrayList<>();
        for (int i = 0; i < open.size(); i++) {
            UnitQuestion q = open.get(i);
            LlmCall share = share(call, i, open.size());
            int passage = batch.passageNumber(q.unit());
            if (UnitBatchRequestFactory.isRequirement(q.task().guideline())) {
                RequirementAnswer r = Objects.requireNonNull(answer.requirement(q.askedId()), q.askedId());
                answers.add(new UnitAnswer(q, new CachedVerdict(jobId,
                        r.satisfiedBy().contains(passage) ? Verdict.PASS : Verdict.FAIL, null, r.rationale(), List.of(),
                        share.model(), share.calls(), share.promptTokens(), share.completionTokens(), share.latencyMs()),
                        false, null));
                continue;
            }
            GuidelineAnswer g = Objects.requireNonNull(answer.of(q.askedId()), q.askedId());
            List<Violation> violations = g.violations().stream().filter(v -> v.passage() == passage).toList();
            Verdict verdict = !g.applicable().contains(passage) ? Verdict.NOT_APPLICABLE
                    : violations.isEmpty() ? Verdict.PASS
                    : violations.stream().anyMatch(v -> v.verdict() == Verdict.FAIL) ? Verdict.FAIL : Verdict.WARN;
            Double confidence = violations.stream().filter(v -> v.verdict() == verdict).map(Violation::confidence)
                    .filter(Objects::nonNull).min(Double::compare).orElse(null);
            answers.add(new UnitAnswer(q, new CachedVerdict(jobId, verdict, confidence, g.rationale(),
                    SpanFindings.locate(q.passage(), violations.stream().map(Violation::finding).toList()),
                    share.model(), share.calls(), share.promptTokens(), share.completionTokens(), share.latencyMs()),
                    false, null));
        }
        return answers;
    }

    static List<UnitAnswer> errors(UnitBatch batch, String reason, LlmCall call) {
        List<UnitQuestion> open = batch.questions();
        List<UnitAnswer> answers = new ArrayList<>();
        for (int i = 0; i < open.size(); i++) {
            UnitQuestion q = open.get(i);
            answers.add(new UnitAnswer(q, null, false, q.task().guideline().result(Verdict.ERROR,
                    EvaluatedBy.LLM, List.of(), null, null, reason, call == null ? null : share(call, i, open.size()))));
        }
        return answers;
    }

    /** The {@code i}-th of {@code n} integer shares of the call's calls and tokens; the latency is the call's. */
    static LlmCall share(LlmCall call, int i, int n) {
        return new LlmCall(call.model(), CallShares.part(call.calls(), i, n),
                CallShares.part(call.promptTokens(), i, n), CallShares.part(call.completionTokens(), i, n),
                call.latencyMs());
    }


    private static UnitBatch batch(Exchange exchange) {
        return exchange.getProperty(PROPERTY, UnitBatch.class);
    }
}
