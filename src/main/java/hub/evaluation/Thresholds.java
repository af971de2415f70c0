package hub.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The bars of {@code eval/thresholds.yaml}, one block per mode ({@code rules-only}, {@code fake-llm}, …) with
 * {@code min-precision}, {@code min-recall-rules}, {@code max-false-alarms}, {@code min-separation},
 * {@code min-items} and {@code min-german}. A figure that is n/a breaks its bar: it proves nothing.
 */
public record Thresholds(String mode, Double minPrecision, Double minRecallRules, Double maxFalseAlarms,
                         Double minSeparation, Integer minItems, Integer minGerman) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The block of {@code mode}; throws when the file has none. */
    public static Thresholds load(Path file, String mode) throws IOException {
        JsonNode block = YAML.readTree(file.toFile()).path(mode);
        if (!block.isObject()) {
            throw new IllegalArgumentException(file + " has no thresholds for mode '" + mode + "'");
        }
        return new Thresholds(mode, number(block, "min-precision"), number(block, "min-recall-rules"),
                number(block, "max-false-alarms"), number(block, "min-separation"),
                integer(block, "min-items"), integer(block, "min-german"));
    }

    /** One sentence per broken bar, empty when every figure holds. */
    public List<String> breaches(Figures overall, long german) {
        List<String> breaches = new ArrayList<>();
        atLeast(breaches, "precision", overall.precision().value(), minPrecision);
        atLeast(breaches, "recall-rules", overall.recallRules().value(), minRecallRules);
        atMost(breaches, "false-alarms", overall.falseAlarms().value(), maxFalseAlarms);
        atLeast(breaches, "separation", overall.separation(), minSeparation);
        if (minItems != null && overall.items() < minItems) {
            breaches.add("items " + overall.items() + " < min-items " + minItems);
        }
        if (minGerman != null && german < minGerman) {
            breaches.add("German items " + german + " < min-german " + minGerman);
        }
        return breaches;
    }

    private static void atLeast(List<String> breaches, String name, OptionalDouble value, Double bar) {
        if (bar == null) {
            return;
        }
        if (value.isEmpty()) {
            breaches.add(name + " is n/a (empty denominator), needs >= " + fmt(bar));
        } else if (value.getAsDouble() < bar) {
            breaches.add(name + " " + fmt(value.getAsDouble()) + " < min " + fmt(bar));
        }
    }

    private static void atMost(List<String> breaches, String name, OptionalDouble value, Double bar) {
        if (bar == null) {
            return;
        }
        if (value.isEmpty()) {
            breaches.add(name + " is n/a (empty denominator), needs <= " + fmt(bar));
        } else if (value.getAsDouble() > bar) {
            breaches.add(name + " " + fmt(value.getAsDouble()) + " > max " + fmt(bar));
        }
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static Double number(JsonNode block, String key) {
        return block.path(key).isNumber() ? block.path(key).asDouble() : null;
    }

    private static Integer integer(JsonNode block, String key) {
        return block.path(key).isNumber() ? block.path(key).asInt() : null;
    }
}
