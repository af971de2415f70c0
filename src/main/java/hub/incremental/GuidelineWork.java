package hub.incremental;

/**
 * A piece of a guideline's evaluation that the model answers (a unit question, its answer): a guideline is done when
 * all of its are. The job's progress counts them.
 */
public interface GuidelineWork {
    String guidelineId();
}
