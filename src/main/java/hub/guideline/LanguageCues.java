package hub.guideline;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * A set's words for its language that the rules' exceptions read ({@link HitExceptions}), from the set's
 * {@code cues}:
 * <ul>
 *   <li>{@code negation}: words that deny what follows them in the same clause ("not", "no such thing as", "kein");
 *   <li>{@code denial}: words that deny what precedes them right after a hit ("do not exist", "is a myth");
 *   <li>{@code warnings}: words that make a sentence a warning to the reader ("be wary of", "Vorsicht");
 *   <li>{@code honorifics}: titles before a person's name ("Sir", "Dr", "Frau");
 *   <li>{@code nameEndings}: the last words of company and product names ("Ltd", "Fund", "AG");
 *   <li>{@code speech}: verbs that follow a person's name when their words are reported ("says", "explains").
 * </ul>
 * {@code language} is the set's language, filled in when the set is read: the rules' own messages use it.
 */
public record LanguageCues(List<String> negation, List<String> denial, List<String> warnings,
        List<String> honorifics, List<String> nameEndings, List<String> speech, @JsonIgnore String language) {

    public static final LanguageCues NONE = new LanguageCues(null, null, null, null, null, null, null);

    public LanguageCues {
        negation = negation == null ? List.of() : List.copyOf(negation);
        denial = denial == null ? List.of() : List.copyOf(denial);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        honorifics = honorifics == null ? List.of() : List.copyOf(honorifics);
        nameEndings = nameEndings == null ? List.of() : List.copyOf(nameEndings);
        speech = speech == null ? List.of() : List.copyOf(speech);
    }

    /** These cues for a set in {@code setLanguage}. */
    public LanguageCues withLanguage(String setLanguage) {
        return new LanguageCues(negation, denial, warnings, honorifics, nameEndings, speech, setLanguage);
    }
}
