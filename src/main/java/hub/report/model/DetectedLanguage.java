package hub.report.model;

/**
 * What the detector thinks the article's language is: an ISO 639-1 code and the detector's confidence in it (a
 * probability among the candidate languages, 0 to 1). {@code confident} says whether it reached
 * {@code hub.language.min-confidence}, below which a detection chooses no set and contradicts nothing.
 */
public record DetectedLanguage(String language, double confidence, boolean confident) {}
