package hub.vale;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The keys of one Vale rule file, read leniently the way Vale's weakly typed decoder reads them. */
record RuleSpec(String name, Map<String, Object> values) {

    String string(String key) {
        Object v = values.get(key);
        return v == null ? null : v.toString();
    }

    String string(String key, String fallback) {
        String v = string(key);
        return v == null ? fallback : v;
    }

    boolean bool(String key) {
        Object v = values.get(key);
        return v instanceof Boolean b ? b : v != null && Boolean.parseBoolean(v.toString());
    }

    int integer(String key) {
        Object v = values.get(key);
        return v instanceof Number n ? n.intValue() : v == null ? 0 : Integer.parseInt(v.toString().trim());
    }

    double number(String key, double fallback) {
        Object v = values.get(key);
        return v instanceof Number n ? n.doubleValue() : v == null ? fallback : Double.parseDouble(v.toString().trim());
    }

    /** A list, or a single value as a list of one. */
    List<String> list(String key) {
        Object v = values.get(key);
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> list) {
            list.forEach(item -> out.add(item == null ? "" : item.toString()));
        } else if (v != null) {
            out.add(v.toString());
        }
        return out;
    }

    /** A map in file order; a list of one-entry maps (as some styles write swaps) is flattened. */
    Map<String, String> map(String key) {
        Map<String, String> out = new LinkedHashMap<>();
        Object v = values.get(key);
        if (v instanceof Map<?, ?> map) {
            map.forEach((k, val) -> out.put(String.valueOf(k), val == null ? "" : val.toString()));
        } else if (v instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> map) {
                    map.forEach((k, val) -> out.put(String.valueOf(k), val == null ? "" : val.toString()));
                }
            }
        }
        return out;
    }
}
