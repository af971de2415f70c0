package hub.rules;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The rule engine's own messages (a term without a message, a missing required phrase, a long sentence or
 * paragraph) in a guideline set's language, from {@code hub/rules/RuleMessages*.properties}; English for a language
 * without a translation, whatever the JVM's default locale.
 */
final class RuleMessages {

    private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ResourceBundle bundle;

    private RuleMessages(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /** The messages for a set's language tag ({@code "de"}); null or unknown: English. */
    static RuleMessages of(String language) {
        Locale locale = language == null || language.isBlank() ? Locale.ROOT : Locale.forLanguageTag(language);
        return new RuleMessages(ResourceBundle.getBundle("hub.rules.RuleMessages", locale, NO_DEFAULT_LOCALE));
    }

    String get(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), bundle.getLocale()).format(args);
    }
}
