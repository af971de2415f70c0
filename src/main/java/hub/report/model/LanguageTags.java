package hub.report.model;

import java.util.Locale;

/** Language tags compared the way the hub compares them: by their primary subtag ("de-CH" is "de"). */
public final class LanguageTags {

    private LanguageTags() {
    }

    /** The primary subtag in lower case ("de" for "de-CH"), or null for a null or blank tag. */
    public static String primary(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        return tag.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
    }

    /** Whether both tags name the same language; false when either is missing. */
    public static boolean same(String a, String b) {
        String pa = primary(a);
        return pa != null && pa.equals(primary(b));
    }

    /** The language's English name with its tag, such as "German (de)". */
    public static String describe(String tag) {
        String name = Locale.forLanguageTag(tag).getDisplayLanguage(Locale.ENGLISH);
        return name.isBlank() || name.equalsIgnoreCase(tag) ? "'" + tag + "'" : name + " (" + tag + ")";
    }
}
