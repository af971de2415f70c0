package hub.incremental;

import hub.guideline.GuidelineScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Groups a job's open questions into the model calls that answer them: every unit-scope, {@code somewhere} and
 * outline-scope question about a unit (an outline guideline's roles are requirement questions) goes into a
 * {@link UnitBatch} of consecutive units (at most {@code hub.llm.batch.max-passages} units and
 * {@code hub.llm.batch.max-chars} characters of passage text; a longer unit has a batch of its own); window, article
 * and outline questions stay one call each.
 */
@Component("unitBatches")
public class UnitBatches {

    private final int maxPassages;
    private final int maxChars;

    public UnitBatches(@Value("${hub.llm.batch.max-passages:24}") int maxPassages,
            @Value("${hub.llm.batch.max-chars:6000}") int maxChars) {
        if (maxPassages < 1 || maxChars < 1) {
            throw new IllegalArgumentException("hub.llm.batch.max-passages and max-chars must be positive");
        }
        this.maxPassages = maxPassages;
        this.maxChars = maxChars;
    }

    /** The work for the model: {@link UnitBatch}es first, in article order, then the single questions. */
    public List<Object> plan(List<UnitQuestion> open) {
        Map<Integer, List<UnitQuestion>> byUnit = new TreeMap<>();
        List<Object> singles = new ArrayList<>();
        for (UnitQuestion q : open) {
            GuidelineScope scope = q.task().guideline().scope();
            if ((scope == GuidelineScope.UNIT || scope == GuidelineScope.SOMEWHERE || scope == GuidelineScope.OUTLINE)
                    && q.unit() != null) {
                byUnit.computeIfAbsent(q.unit().index(), i -> new ArrayList<>()).add(q);
            } else {
                singles.add(q);
            }
        }
        List<Object> work = new ArrayList<>();
        List<UnitQuestion> batch = new ArrayList<>();
        int units = 0;
        int chars = 0;
        for (List<UnitQuestion> unitQuestions : byUnit.values()) {
            int length = unitQuestions.get(0).passage().length();
            if (units > 0 && (units == maxPassages || chars + length > maxChars)) {
                work.add(UnitBatch.of(batch));
                batch = new ArrayList<>();
                units = 0;
                chars = 0;
            }
            batch.addAll(unitQuestions);
            units++;
            chars += length;
        }
        if (units > 0) {
            work.add(UnitBatch.of(batch));
        }
        work.addAll(singles);
        return work;
    }
}
