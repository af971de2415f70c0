package hub.guideline;

import com.fasterxml.jackson.annotation.JsonIgnore;
import hub.vale.Rule;
import java.util.List;

/**
 * Deterministic checks of a guideline, evaluated in-process. Every list may be empty; a limit of null means
 * "no limit". {@code vale} is a compiled Vale rule; it is never read from a guideline file but made by the
 * registry from the set's {@code vale} section.
 */
public record Checks(
        List<ForbiddenTerm> forbiddenTerms,
        List<RequiredPhrase> requiredPhrases,
        List<PatternCheck> patterns,
        Integer maxSentenceWords,
        Integer maxParagraphWords,
        @JsonIgnore Rule vale) {

    public static final Checks NONE = new Checks(List.of(), List.of(), List.of(), null, null);

    public Checks(List<ForbiddenTerm> forbiddenTerms, List<RequiredPhrase> requiredPhrases,
            List<PatternCheck> patterns, Integer maxSentenceWords, Integer maxParagraphWords) {
        this(forbiddenTerms, requiredPhrases, patterns, maxSentenceWords, maxParagraphWords, null);
    }

    public static Checks vale(Rule rule) {
        return new Checks(List.of(), List.of(), List.of(), null, null, rule);
    }

    public Checks {
        forbiddenTerms = forbiddenTerms == null ? List.of() : List.copyOf(forbiddenTerms);
        requiredPhrases = requiredPhrases == null ? List.of() : List.copyOf(requiredPhrases);
        patterns = patterns == null ? List.of() : List.copyOf(patterns);
    }

    @JsonIgnore
    public boolean isEmpty() {
        return forbiddenTerms.isEmpty() && requiredPhrases.isEmpty() && patterns.isEmpty()
                && maxSentenceWords == null && maxParagraphWords == null && vale == null;
    }

    /** A term that must not appear; matched on word boundaries, case-insensitive unless caseSensitive. */
    public record ForbiddenTerm(String term, String suggestion, String message, boolean caseSensitive) {}

    /** At least one of the phrases must appear somewhere in the article (case-insensitive, whitespace-tolerant). */
    public record RequiredPhrase(List<String> anyOf, String message) {
        public RequiredPhrase {
            anyOf = anyOf == null ? List.of() : List.copyOf(anyOf);
        }
    }

    /** A regular expression (Java syntax) whose every match is a finding. */
    public record PatternCheck(String regex, String message, String suggestion, boolean caseSensitive) {}
}
