package hub.vale;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A {@code .vale.ini}: {@code StylesPath} and {@code MinAlertLevel} in the global part, then {@code [glob]}
 * sections with {@code BasedOnStyles} and per-rule switches ({@code Style.Rule = YES/NO}; a level name also
 * switches the rule on). Sections matching a file apply in order, after the global part.
 */
public record ValeIni(String stylesPath, ValeLevel minAlertLevel, List<Section> sections) {

    /** One part of the file; the global part matches every file. */
    public record Section(Pattern files, List<String> basedOnStyles, Map<String, Boolean> switches) {}

    public static ValeIni parse(String text) {
        String stylesPath = null;
        ValeLevel minLevel = ValeLevel.SUGGESTION;
        List<Section> sections = new ArrayList<>();
        Pattern files = Pattern.compile(".*");
        List<String> styles = new ArrayList<>();
        Map<String, Boolean> switches = new LinkedHashMap<>();
        for (String rawLine : text.split("\\R")) {
            String line = rawLine.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                sections.add(new Section(files, styles, switches));
                files = glob(line.substring(1, line.length() - 1).strip());
                styles = new ArrayList<>();
                switches = new LinkedHashMap<>();
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            switch (key) {
                case "StylesPath" -> stylesPath = value;
                case "MinAlertLevel" -> minLevel = ValeLevel.parse(value);
                case "BasedOnStyles" -> Arrays.stream(value.split(",")).map(String::strip)
                        .filter(s -> !s.isEmpty()).forEach(styles::add);
                default -> {
                    if (key.contains(".")) {
                        switches.put(key, isOn(value));
                    }
                }
            }
        }
        sections.add(new Section(files, styles, switches));
        return new ValeIni(stylesPath, minLevel, sections);
    }

    /** The styles that apply to {@code fileName}. */
    public List<String> basedOnStyles(String fileName) {
        List<String> styles = new ArrayList<>();
        for (Section s : sections) {
            if (s.files().matcher(fileName).matches()) {
                s.basedOnStyles().stream().filter(st -> !styles.contains(st)).forEach(styles::add);
            }
        }
        return styles;
    }

    /** The rule switches that apply to {@code fileName}, later sections winning. */
    public Map<String, Boolean> switches(String fileName) {
        Map<String, Boolean> merged = new LinkedHashMap<>();
        for (Section s : sections) {
            if (s.files().matcher(fileName).matches()) {
                merged.putAll(s.switches());
            }
        }
        return merged;
    }

    /** Every style the file names, in sections or switches. */
    public List<String> allStyles() {
        List<String> styles = new ArrayList<>();
        for (Section s : sections) {
            s.basedOnStyles().stream().filter(st -> !styles.contains(st)).forEach(styles::add);
            s.switches().keySet().stream().map(k -> k.substring(0, k.indexOf('.')))
                    .filter(st -> !styles.contains(st)).forEach(styles::add);
        }
        return styles;
    }

    static boolean isOn(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "no", "false", "off" -> false;
            default -> true;
        };
    }

    /** A section glob such as {@code *.md} or {@code *.{md,rst}} as a pattern over file names. */
    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                case '{' -> regex.append("(?:");
                case '}' -> regex.append(')');
                case ',' -> regex.append('|');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
