package hub.incremental;

import hub.article.ArticleUnits.Unit;
import hub.guideline.Guideline;
import hub.llm.UnitBatchRequestFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Open unit-scope and {@code somewhere} questions of one job that one model call answers: consecutive units of the
 * article (the passages, numbered from 1 in article order) against the union of the guidelines open for them. A pair of a passage and a
 * guideline that was not open (its verdict came from the unit cache) is not asked for separately; the model answers
 * it with the rest and the answer is ignored.
 */
public record UnitBatch(List<UnitQuestion> questions, List<Unit> units, List<String> passages,
        List<Guideline> guidelines, String language) {

    public UnitBatch {
        questions = List.copyOf(questions);
        units = List.copyOf(units);
        passages = List.copyOf(passages);
        guidelines = List.copyOf(guidelines);
    }

    /** The batch of these questions, all about units of one article; guidelines in the order they first appear. */
    public static UnitBatch of(List<UnitQuestion> questions) {
        Map<Integer, UnitQuestion> byUnit = new LinkedHashMap<>();
        Map<String, Guideline> guidelines = new LinkedHashMap<>();
        for (UnitQuestion q : questions) {
            byUnit.putIfAbsent(q.unit().index(), q);
            guidelines.putIfAbsent(q.askedId(), q.task().guideline());
        }
        List<UnitQuestion> firstPerUnit = new ArrayList<>(byUnit.values());
        firstPerUnit.sort(Comparator.comparingInt(q -> q.unit().index()));
        return new UnitBatch(questions, firstPerUnit.stream().map(UnitQuestion::unit).toList(),
                firstPerUnit.stream().map(UnitQuestion::passage).toList(), List.copyOf(guidelines.values()),
                questions.get(0).task().language());
    }

    /** The guidelines judged for their violations per passage (unit scope). */
    public List<String> guidelineIds() {
        return guidelines.stream().filter(g -> !UnitBatchRequestFactory.isRequirement(g)).map(Guideline::id).toList();
    }

    /** The requirements ({@code somewhere} scope): the model names the passages that satisfy each. */
    public List<String> requirementIds() {
        return guidelines.stream().filter(UnitBatchRequestFactory::isRequirement).map(Guideline::id).toList();
    }

    /** The 1-based number of the unit in this batch, or 0 when it is not in it. */
    public int passageNumber(Unit unit) {
        return units.indexOf(unit) + 1;
    }

    public int size() {
        return passages.size();
    }
}
