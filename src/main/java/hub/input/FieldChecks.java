package hub.input;

import hub.problem.ProblemException;
import java.util.Map;

/**
 * Checks on the string fields of a submission or batch. Too long is {@code 413 field-too-large}; a control
 * character is {@code 400 invalid-character}: C0 controls other than tab, line feed and carriage return, DEL, C1
 * controls and unpaired surrogates (ADR 0010). Both name the field; offsets count UTF-16 code units.
 */
public final class FieldChecks {

    private FieldChecks() {
    }

    public static void maxLength(String field, String value, int limit) {
        if (value != null && value.length() > limit) {
            throw tooLarge(field, value.length(), limit, "characters");
        }
    }

    public static ProblemException tooLarge(String field, int actual, int limit, String unit) {
        return new ProblemException(413, "field-too-large", "Field too large",
                field + " has " + actual + " " + unit + "; the limit is " + limit + ".",
                Map.of("field", field, "limit", limit, "actual", actual));
    }

    public static void noControlCharacters(String field, String value) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7F && c <= 0x9F;
            boolean unpaired = Character.isHighSurrogate(c)
                    ? i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1))
                    : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)));
            if (control || unpaired) {
                String code = String.format("U+%04X", (int) c);
                throw new ProblemException(400, "invalid-character", "Invalid character",
                        field + " contains " + (control ? "the control character " : "the unpaired surrogate ") + code
                                + " at offset " + i + "; control characters other than tab, line feed and carriage "
                                + "return are not allowed.",
                        Map.of("field", field, "offset", i, "character", code));
            }
        }
    }
}
