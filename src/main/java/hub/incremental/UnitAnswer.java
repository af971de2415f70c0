package hub.incremental;

import hub.report.model.GuidelineResult;

/**
 * The verdict on one {@link UnitQuestion}: from the unit cache ({@code reused}), from the model, or none yet (a cache
 * miss not asked). {@code error} is the model's ERROR result when it could not answer.
 */
public record UnitAnswer(UnitQuestion question, CachedVerdict verdict, boolean reused, GuidelineResult error)
        implements GuidelineWork {

    @Override
    public String guidelineId() {
        return question.guidelineId();
    }

    public static UnitAnswer miss(UnitQuestion question) {
        return new UnitAnswer(question, null, false, null);
    }

    public boolean answered() {
        return verdict != null || error != null;
    }
}
