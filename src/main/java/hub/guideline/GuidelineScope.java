package hub.guideline;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What an LLM-judged guideline looks at, and so what its cached verdicts depend on (docs/decisions/0012):
 * <ul>
 *   <li>{@code unit}: each unit (paragraph, heading, list item) on its own; the guideline fails where any unit fails.
 *   <li>{@code window}: each unit with its neighbours as context; a verdict depends on the three units.
 *   <li>{@code somewhere}: something required somewhere; each unit is asked whether it satisfies the guideline (in
 *       the unit batches: which passages satisfy it) and the article passes when one does. A passing unit that is
 *       unchanged keeps the guideline passing.
 *   <li>{@code outline}: for a guideline about the article as a whole that its passages' roles decide (e.g. benefits
 *       against risks): each unit is judged in the unit batches for what it shows on its own and for the guideline's
 *       {@code roles} it plays, then the article's outline (each unit's position, kind and roles) in one call,
 *       re-asked only when the outline or the title changed.
 *   <li>{@code article}: the whole article in one call, re-asked whenever any unit changed.
 * </ul>
 */
public enum GuidelineScope {
    UNIT, WINDOW, SOMEWHERE, OUTLINE, ARTICLE;

    @JsonCreator
    public static GuidelineScope of(String value) {
        return GuidelineSetErrors.constant(GuidelineScope.class, value);
    }

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean perUnit() {
        return this != ARTICLE;
    }
}
