package hub.cost;

import hub.report.model.GuidelineResult.LlmCall;

/**
 * The model work of a job's GTC consistency check: {@code called}, the call this check made (null when none), and
 * {@code reused}, the sum of the shares of earlier calls whose per-unit answers the unit cache served (null when
 * none). A check can have both: the changed claim units are asked, the others reused.
 */
public record GtcCheckUsage(LlmCall called, LlmCall reused) {

    public static final GtcCheckUsage NONE = new GtcCheckUsage(null, null);
}
