package hub.evaluation;

import java.util.OptionalDouble;

/**
 * The metrics of a group of items (all of them, one guideline, one language, one split); see {@link Metrics} for
 * how each is computed. Shares are {@link Rate}s, so an empty denominator stays visible as n/a.
 */
public record Figures(int items, int expectations,
                      Rate precision, Rate recall, OptionalDouble f1,
                      Rate precisionWithReview, Rate recallWithReview, OptionalDouble f1WithReview,
                      Rate recallRules, Rate spanAccuracy, Rate spanPrecision, Rate falseAlarms,
                      Rate coverage, Rate reviewRate,
                      OptionalDouble separation, OptionalDouble meanScoreCompliant,
                      OptionalDouble meanScoreViolating, int compliantArticles, int violatingArticles) {
}
