package hub.guideline;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * The contexts in which a term or pattern hit of a guideline is no violation, in the way LanguageTool's
 * antipatterns and Vale's {@code exceptions} work, read from the guideline's {@code checks.exceptions}:
 * <ul>
 *   <li>{@code negation}: the hit is denied ("returns are <em>not</em> guaranteed", "there is <em>no such thing
 *       as</em> a risk-free investment", "keine garantierte Rendite"), by the set's negation cues in its clause;
 *   <li>{@code warnings}: the hit is reported in a warning to the reader ("be wary of anyone who promises…"), by
 *       the set's warning cues in its sentence;
 *   <li>{@code namedPerson}: the hit is a role word next to a person's name ("our chairman, Sir Peter Hale");
 *   <li>{@code productName}: the hit is part of a name in title case that ends in a company or product word
 *       ("Best Life Insurance Ltd");
 *   <li>{@code properNoun}: the hit is capitalised inside a running sentence ("Grace Best, who leads…"), or it is a
 *       word the text uses as such a name elsewhere ("Best says…"), so it is a name: only for languages that do not
 *       capitalise common nouns, and only for terms (a pattern such as "Britain's leading" names its own
 *       capitals);
 *   <li>{@code phrases} and {@code patterns}: acceptable contexts; a hit inside a match of one of them is no
 *       violation ("do your best", "the best time to", an award with its year);
 *   <li>{@code quoted}: a hit inside quotation marks needs review rather than counting as a violation;
 *   <li>{@code review}: contexts (regular expressions) in which a hit needs review ("guaranteed by the government"
 *       names a guarantor, but not always its limits);
 *   <li>{@code firstUseOnly}: only the first use of each term counts (a term explained at first use is explained).
 * </ul>
 * {@code cues} are the set's language cues, filled in when the set is read.
 */
public record HitExceptions(
        boolean negation,
        boolean warnings,
        boolean namedPerson,
        boolean productName,
        boolean properNoun,
        boolean quoted,
        List<String> phrases,
        List<String> patterns,
        List<String> review,
        boolean firstUseOnly,
        @JsonIgnore LanguageCues cues) {

    public static final HitExceptions NONE =
            new HitExceptions(false, false, false, false, false, false, null, null, null, false, null);

    public HitExceptions {
        phrases = phrases == null ? List.of() : List.copyOf(phrases);
        patterns = patterns == null ? List.of() : List.copyOf(patterns);
        review = review == null ? List.of() : List.copyOf(review);
        cues = cues == null ? LanguageCues.NONE : cues;
    }

    public HitExceptions withCues(LanguageCues setCues) {
        return new HitExceptions(negation, warnings, namedPerson, productName, properNoun, quoted, phrases, patterns,
                review, firstUseOnly, setCues);
    }

    /** These exceptions for a pattern hit: a pattern names its own context, so its capitals are no name. */
    public HitExceptions forPattern() {
        return !properNoun ? this : new HitExceptions(negation, warnings, namedPerson, productName, false, quoted,
                phrases, patterns, review, firstUseOnly, cues);
    }

    @JsonIgnore
    public boolean isEmpty() {
        return !negation && !warnings && !namedPerson && !productName && !properNoun && !quoted && phrases.isEmpty()
                && patterns.isEmpty() && review.isEmpty();
    }
}
