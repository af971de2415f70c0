package hub.vale;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** A rule's {@code action}: how a match could be fixed. Only the parts that yield a replacement text are used. */
public record Action(String name, List<String> params) {

    public static final Action NONE = new Action("", List.of());

    public Action {
        name = name == null ? "" : name;
        params = params == null ? List.of() : List.copyOf(params);
    }

    static Action from(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return NONE;
        }
        List<String> params = new ArrayList<>();
        if (map.get("params") instanceof List<?> list) {
            list.forEach(p -> params.add(String.valueOf(p)));
        }
        Object name = map.get("name");
        return new Action(name == null ? "" : name.toString(), params);
    }

    /** The replacements this action proposes for {@code match}; empty when it proposes none. */
    List<String> suggestions(String match) {
        return switch (name) {
            case "replace" -> params;
            case "remove" -> List.of("");
            case "edit" -> edit(match);
            case "convert" -> convert(match);
            default -> List.of();
        };
    }

    private List<String> edit(String match) {
        if (params.isEmpty()) {
            return List.of();
        }
        String how = params.get(0);
        String trimmed = match.strip();
        return switch (how) {
            case "regex", "replace" -> params.size() < 3 ? List.of()
                    : List.of(trimmed.replaceAll(params.get(1), params.get(2)));
            case "trim" -> params.size() < 2 ? List.of() : List.of(trimRight(trimmed, params.get(1)));
            case "trim_left" -> params.size() < 2 ? List.of() : List.of(trimLeft(trimmed, params.get(1)));
            case "trim_right" -> params.size() < 2 ? List.of() : List.of(trimRight(trimmed, params.get(1)));
            case "remove" -> params.size() < 2 ? List.of()
                    : List.of(trimmed.replaceAll("[" + Pattern.quote(params.get(1)) + "]", ""));
            case "truncate" -> params.size() < 2 ? List.of() : List.of(trimmed.split(Pattern.quote(params.get(1)))[0]);
            case "split" -> params.size() < 3 ? List.of() : List.of(trimmed.split(Pattern.quote(params.get(1)))[0]);
            default -> List.of();
        };
    }

    private List<String> convert(String match) {
        String how = params.isEmpty() ? "" : params.get(0);
        return switch (how) {
            case "lower" -> List.of(match.strip().toLowerCase(Locale.ROOT));
            case "upper" -> List.of(match.strip().toUpperCase(Locale.ROOT));
            case "simple" -> List.of(match.strip().replace("-", ""));
            default -> List.of();
        };
    }

    private static String trimRight(String s, String chars) {
        int end = s.length();
        while (end > 0 && chars.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end);
    }

    private static String trimLeft(String s, String chars) {
        int start = 0;
        while (start < s.length() && chars.indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        return s.substring(start);
    }
}
