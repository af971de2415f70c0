package hub.incremental;

import hub.guideline.GuidelineScope;
import hub.guideline.GuidelineTask;
import hub.report.model.Verdict;
import java.util.List;

/** An LLM-judged guideline after the unit-cache lookups: what the cache answered and what must go to the model. */
public record PendingGuideline(GuidelineTask task, List<UnitAnswer> lookups) {

    public PendingGuideline {
        lookups = List.copyOf(lookups);
    }

    /**
     * The questions the model must answer. A {@code somewhere} guideline that an unchanged unit already satisfies
     * needs none: the article still contains that unit.
     */
    public List<UnitQuestion> open() {
        if (task.guideline().scope() == GuidelineScope.SOMEWHERE && lookups.stream()
                .anyMatch(a -> a.verdict() != null && a.verdict().verdict() == Verdict.PASS)) {
            return List.of();
        }
        return lookups.stream().filter(a -> !a.answered()).map(UnitAnswer::question).toList();
    }
}
