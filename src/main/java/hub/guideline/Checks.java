package hub.guideline;

import com.fasterxml.jackson.annotation.JsonIgnore;
import hub.vale.Rule;
import java.util.List;

/**
 * Deterministic checks of a guideline, evaluated in-process. Every list may be empty; a limit of null means
 * "no limit". {@code vale} is a compiled Vale rule; it is never read from a guideline file but made by the
 * registry from the set's {@code vale} section. {@code exceptions} say in which contexts a term or pattern hit is
 * no violation (a denial, a warning to the reader, an idiom, a named person) or needs review.
 */
public record Checks(
        List<ForbiddenTerm> forbiddenTerms,
        List<RequiredPhrase> requiredPhrases,
        List<PatternCheck> patterns,
        Integer maxSentenceWords,
        Integer maxParagraphWords,
        HitExceptions exceptions,
        @JsonIgnore Rule vale) {

    public static final Checks NONE = new Checks(List.of(), List.of(), List.of(), null, null);

    public Checks(List<ForbiddenTerm> forbiddenTerms, List<RequiredPhrase> requiredPhrases,
            List<PatternCheck> patterns, Integer maxSentenceWords, Integer maxParagraphWords) {
        this(forbiddenTerms, requiredPhrases, patterns, maxSentenceWords, maxParagraphWords, null, null);
    }

    public static Checks vale(Rule rule) {
        return new Checks(List.of(), List.of(), List.of(), null, null, null, rule);
    }

    public Checks {
        forbiddenTerms = forbiddenTerms == null ? List.of() : List.copyOf(forbiddenTerms);
        requiredPhrases = requiredPhrases == null ? List.of() : List.copyOf(requiredPhrases);
        patterns = patterns == null ? List.of() : List.copyOf(patterns);
        exceptions = exceptions == null ? HitExceptions.NONE : exceptions;
    }

    /** These checks with the set's language cues, which their exceptions read. */
    public Checks withCues(LanguageCues cues) {
        return new Checks(forbiddenTerms, requiredPhrases, patterns, maxSentenceWords, maxParagraphWords,
                exceptions.withCues(cues), vale);
    }

    @JsonIgnore
    public boolean isEmpty() {
        return forbiddenTerms.isEmpty() && requiredPhrases.isEmpty() && patterns.isEmpty()
                && maxSentenceWords == null && maxParagraphWords == null && vale == null;
    }

    /**
     * A term that must not appear; matched on word boundaries, case-insensitive unless caseSensitive. A hit of a
     * term marked {@code review} is ambiguous on its own (e.g. "safe"): without a model it needs review.
     */
    public record ForbiddenTerm(String term, String suggestion, String message, boolean caseSensitive,
            boolean review) {
        public ForbiddenTerm(String term, String suggestion, String message, boolean caseSensitive) {
            this(term, suggestion, message, caseSensitive, false);
        }
    }

    /**
     * At least one of the phrases (case-insensitive, whitespace-tolerant) or patterns must appear somewhere in the
     * article. {@code when} and {@code unless} (regular expressions, case-insensitive) say when the requirement
     * applies: only when {@code when} matches (always when absent) and {@code unless} does not.
     */
    public record RequiredPhrase(List<String> anyOf, List<String> patterns, String message, String when,
            String unless) {
        public RequiredPhrase {
            anyOf = anyOf == null ? List.of() : List.copyOf(anyOf);
            patterns = patterns == null ? List.of() : List.copyOf(patterns);
        }

        public RequiredPhrase(List<String> anyOf, String message) {
            this(anyOf, List.of(), message, null, null);
        }
    }

    /** A regular expression (Java syntax) whose every match is a finding; {@code review} as for terms. */
    public record PatternCheck(String regex, String message, String suggestion, boolean caseSensitive,
            boolean review) {
        public PatternCheck(String regex, String message, String suggestion, boolean caseSensitive) {
            this(regex, message, suggestion, caseSensitive, false);
        }
    }
}
