package hub.incremental;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import hub.article.ArticleUnits;
import hub.article.ArticleUnits.Unit;
import hub.article.TextHash;
import hub.guideline.Guideline;
import hub.guideline.GuidelineScope;
import hub.job.model.JobProperties;
import hub.llm.ChatRequestFactory;
import hub.llm.ParsedVerdict;
import hub.llm.UnitBatchRequestFactory;
import hub.report.model.GuidelineResult;
import hub.guideline.GuidelineTask;
import hub.report.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The incremental evaluation of LLM-judged guidelines: the questions a guideline asks of an article (per unit, per
 * window of units, or of the whole article), their keys in the unit cache, what the cache and the model answered,
 * and the guideline results combined from the answers. A cached verdict is keyed by the tenant, the normalized hash
 * of what the model saw, the guideline id and version, the model and the prompt version.
 */
@Component("unitJudge")
public class UnitJudge {

    private static final Logger log = LoggerFactory.getLogger(UnitJudge.class);
    /** The exchange property with the cache entry to store after a model call, or null. */
    static final String CACHE_ENTRY = "unitCacheEntry";

    private final ObjectMapper mapper;
    private final ChatRequestFactory requests;
    private final boolean enabled;

    public UnitJudge(ObjectMapper mapper, ChatRequestFactory requests,
            @Value("${hub.incremental.enabled:true}") boolean enabled) {
        this.mapper = mapper;
        this.requests = requests;
        this.enabled = enabled;
    }

    /** The questions for the guideline task in the {@code task} property of a job of the {@code jobRow} tenant. */
    public List<UnitQuestion> questions(Exchange exchange) {
        return questions(exchange.getProperty("task", GuidelineTask.class), JobProperties.tenant(exchange));
    }

    List<UnitQuestion> questions(GuidelineTask task, String tenant) {
        Guideline g = task.guideline();
        String text = task.article().text();
        List<Unit> units = task.units();
        if (g.scope() == GuidelineScope.ARTICLE || units.isEmpty()) {
            String seen = ArticleUnits.hashOf(units) + "|" + ArticleUnits.hash(task.title() == null ? "" : task.title());
            return List.of(new UnitQuestion(task, null, text, null, null, 0, text.length(),
                    key(tenant, g, task.language(), seen, ChatRequestFactory.PROMPT_VERSION)));
        }
        List<UnitQuestion> questions = new ArrayList<>();
        if (g.scope() == GuidelineScope.OUTLINE) {
            for (GuidelineTask role : Outlines.roleTasks(task)) {
                questions.addAll(questions(role, tenant));
            }
        }
        for (Unit u : units) {
            String before = null;
            String after = null;
            String seen = u.hash();
            if (g.scope() == GuidelineScope.WINDOW) {
                Unit previous = u.index() > 0 ? units.get(u.index() - 1) : null;
                Unit next = u.index() + 1 < units.size() ? units.get(u.index() + 1) : null;
                before = previous == null ? "" : previous.text(text);
                after = next == null ? "" : next.text(text);
                seen = (previous == null ? "" : previous.hash()) + "|" + seen + "|" + (next == null ? "" : next.hash());
            }
            // Unit-, outline- and somewhere-scope questions are asked in batches (UnitBatches), with the batch prompt.
            String promptVersion = g.scope() == GuidelineScope.WINDOW
                    ? ChatRequestFactory.PROMPT_VERSION : UnitBatchRequestFactory.PROMPT_VERSION;
            questions.add(new UnitQuestion(task, u, u.text(text), before, after, u.start(), u.end(),
                    key(tenant, g, task.language(), seen, promptVersion)));
        }
        return questions;
    }

    private String key(String tenant, Guideline g, String language, String seen, String promptVersion) {
        if (!enabled) {
            return null;
        }
        return "unit-verdict:" + tenant + ":" + TextHash.sha256Hex(String.join("\n", g.scope().json(), seen, g.id(),
                String.valueOf(g.version()), requests.model(), promptVersion, language));
    }

    /**
     * The outline questions of a job (exchange properties {@code guidelineEvaluations} and {@code jobRow}) once the
     * model has answered the unit batches (the body): one per outline-scope guideline whose units and roles all have
     * a valid verdict, asking about the article's outline built from the roles ({@link Outlines}).
     */
    @SuppressWarnings("unchecked")
    public List<UnitQuestion> outlineQuestions(Exchange exchange) {
        List<Object> evaluations = exchange.getProperty("guidelineEvaluations", List.class);
        String tenant = JobProperties.tenant(exchange);
        List<UnitAnswer> fresh = flatten(exchange.getIn().getBody(List.class));
        List<UnitQuestion> questions = new ArrayList<>();
        for (Object e : evaluations) {
            if (e instanceof PendingGuideline pending && pending.task().guideline().scope() == GuidelineScope.OUTLINE
                    && !pending.task().units().isEmpty()) {
                List<UnitAnswer> answers = UnitVerdicts.answers(pending, fresh);
                if (answers.size() == pending.lookups().size() && answers.stream().allMatch(a -> a.verdict() != null)) {
                    questions.add(outlineQuestion(pending.task(), tenant, answers));
                }
            }
        }
        return questions;
    }

    UnitQuestion outlineQuestion(GuidelineTask task, String tenant, List<UnitAnswer> answers) {
        String outline = Outlines.outline(task, answers);
        String seen = "outline|" + ArticleUnits.hash(outline) + "|"
                + ArticleUnits.hash(task.title() == null ? "" : task.title());
        return new UnitQuestion(task, null, outline, null, null, 0, 0,
                key(tenant, task.guideline(), task.language(), seen, ChatRequestFactory.PROMPT_VERSION));
    }

    /**
     * The guideline in the {@code task} property with its questions not yet looked up: the job's evaluation looks up
     * the questions of all its guidelines in the unit cache at once ({@link #cacheKeysOf}, {@link #withCachedAnswers}).
     */
    public PendingGuideline asked(Exchange exchange) {
        return new PendingGuideline(exchange.getProperty("task", GuidelineTask.class),
                questions(exchange).stream().map(UnitAnswer::miss).toList());
    }

    /** The unit-cache keys of the questions of every pending guideline among a job's evaluations, in their order. */
    public List<String> cacheKeysOf(List<?> evaluations) {
        return evaluations.stream().filter(PendingGuideline.class::isInstance)
                .flatMap(p -> ((PendingGuideline) p).lookups().stream())
                .map(a -> a.question().cacheKey()).filter(Objects::nonNull).toList();
    }

    /**
     * A job's evaluations with what the unit cache answered to the pending guidelines' questions: {@code cached}
     * holds a value per key of {@link #cacheKeysOf}, in its order. Decided guidelines stay as they are.
     */
    public List<Object> withCachedAnswers(List<?> evaluations, List<?> cached) {
        List<Object> looked = new ArrayList<>(evaluations.size());
        int next = 0;
        for (Object e : evaluations) {
            if (e instanceof PendingGuideline pending) {
                List<UnitQuestion> questions = pending.lookups().stream().map(UnitAnswer::question).toList();
                int keys = cacheKeys(questions).size();
                looked.add(pending(pending.task(), lookedUpAll(questions, cached.subList(next, next + keys))));
                next += keys;
            } else {
                looked.add(e);
            }
        }
        return looked;
    }

    /** The unit-cache keys of the questions that have one, in their order (none when the unit cache is off). */
    public List<String> cacheKeys(List<UnitQuestion> questions) {
        return questions.stream().map(UnitQuestion::cacheKey).filter(Objects::nonNull).toList();
    }

    /** What the cache answered to each question: {@code cached} holds a value per key of {@link #cacheKeys}. */
    public List<UnitAnswer> lookedUpAll(List<UnitQuestion> questions, List<?> cached) {
        List<UnitAnswer> answers = new ArrayList<>(questions.size());
        int next = 0;
        for (UnitQuestion question : questions) {
            Object json = question.cacheKey() == null ? null : cached.get(next++);
            answers.add(lookedUp(question, (String) json));
        }
        return answers;
    }

    /** A cache lookup's answer; an unreadable entry counts as a miss. */
    public UnitAnswer lookedUp(UnitQuestion question, String cachedJson) {
        if (cachedJson == null) {
            return UnitAnswer.miss(question);
        }
        try {
            return new UnitAnswer(question, mapper.readValue(cachedJson, CachedVerdict.class), true, null);
        } catch (JsonProcessingException e) {
            log.warn("Ignoring an unreadable unit-cache entry {}: {}", question.cacheKey(), e.getOriginalMessage());
            return UnitAnswer.miss(question);
        }
    }

    public PendingGuideline pending(GuidelineTask task, List<UnitAnswer> lookups) {
        return new PendingGuideline(task, lookups);
    }

    /** Every question the model must answer for a job, across its guidelines. */
    public List<UnitQuestion> openQuestions(List<Object> evaluations) {
        return evaluations.stream().filter(PendingGuideline.class::isInstance)
                .flatMap(p -> ((PendingGuideline) p).open().stream()).toList();
    }

    /**
     * The model's result (the body) on the question in the {@link UnitQuestion#PROPERTY} property; a valid verdict
     * is also left as JSON in the {@value #CACHE_ENTRY} property for the unit cache.
     */
    public UnitAnswer answered(Exchange exchange) throws JsonProcessingException {
        GuidelineResult result = exchange.getIn().getBody(GuidelineResult.class);
        UnitQuestion question = exchange.getProperty(UnitQuestion.PROPERTY, UnitQuestion.class);
        ParsedVerdict answer = exchange.getProperty(UnitQuestion.ANSWER_PROPERTY, ParsedVerdict.class);
        exchange.removeProperty(CACHE_ENTRY);
        if (result.verdict() == Verdict.ERROR || answer == null || !answer.valid()) {
            return new UnitAnswer(question, null, false, result);
        }
        GuidelineResult.LlmCall call = result.llm();
        CachedVerdict verdict = new CachedVerdict(exchange.getProperty("jobId", String.class), answer.verdict(),
                answer.confidence(), answer.rationale(), SpanFindings.locate(question.passage(), answer.findings()),
                call.model(), call.calls(), call.promptTokens(), call.completionTokens(), call.latencyMs());
        if (question.cacheKey() != null) {
            exchange.setProperty(CACHE_ENTRY, mapper.writeValueAsString(verdict));
        }
        return new UnitAnswer(question, verdict, false, null);
    }

    /**
     * The guideline results of a job: final ones as they are, pending ones combined with the model's answers (one
     * {@link UnitAnswer} per question, or a list of them per {@link UnitBatch}).
     */
    public List<GuidelineResult> combine(List<Object> evaluations, List<?> answers) {
        return combine(evaluations, answers, List.of());
    }

    /** As {@link #combine(List, List)}, with the answers on the outline questions of outline-scope guidelines. */
    public List<GuidelineResult> combine(List<Object> evaluations, List<?> answers, List<?> outlineAnswers) {
        List<UnitAnswer> fresh = flatten(answers);
        fresh.addAll(flatten(outlineAnswers));
        List<GuidelineResult> results = new ArrayList<>();
        for (Object e : evaluations) {
            if (e instanceof PendingGuideline pending) {
                GuidelineResult result = UnitVerdicts.combine(pending, fresh);
                List<hub.report.model.Finding> overruled = pending.task().overruled();
                if (!overruled.isEmpty()) {
                    List<hub.report.model.Finding> all = new ArrayList<>(result.findings());
                    all.addAll(overruled);
                    result = result.withFindings(all).withMoreLlm(pending.task().reviewCall());
                }
                results.add(result);
            } else {
                results.add((GuidelineResult) e);
            }
        }
        return results;
    }

    /** The answers of a split over questions and batches: one {@link UnitAnswer} per question, a list per batch. */
    private static List<UnitAnswer> flatten(List<?> answers) {
        List<UnitAnswer> flat = new ArrayList<>();
        if (answers == null) {
            return flat;
        }
        for (Object a : answers) {
            if (a instanceof List<?> batch) {
                batch.forEach(b -> flat.add((UnitAnswer) b));
            } else if (a instanceof UnitAnswer answer) {
                flat.add(answer);
            }
        }
        return flat;
    }
}
