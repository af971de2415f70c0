package hub.evaluation;

import java.util.Locale;
import java.util.OptionalDouble;

/** A share {@code hits / of}; undefined (n/a), never 1.0, when {@code of} is zero. */
public record Rate(long hits, long of) {

    public OptionalDouble value() {
        return of == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) hits / of);
    }

    /** Three decimals, or {@code n/a}. */
    public String format() {
        return format(value());
    }

    public static String format(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.3f", value.getAsDouble()) : "n/a";
    }

    @Override
    public String toString() {
        return format() + " (" + hits + "/" + of + ")";
    }
}
