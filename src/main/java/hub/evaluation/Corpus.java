package hub.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the labelled corpus: every {@code *.yaml} file under a folder (recursively, in path order), each with a list
 * {@code items}. A malformed item stops the run with its file and id named; item ids must be unique.
 */
public final class Corpus {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> KINDS = Set.of("passage", "article");
    private static final Set<String> FORMATS = Set.of("text", "markdown", "html");

    private Corpus() {
    }

    /** The items of every corpus file under {@code folder}; empty when the folder is missing or has no file. */
    public static List<CorpusItem> load(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
        List<CorpusItem> items = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Path file : files) {
            for (CorpusItem item : read(file)) {
                String earlier = seen.putIfAbsent(item.id(), item.source());
                if (earlier != null) {
                    throw new IllegalArgumentException("Item id " + item.id() + " appears in " + earlier + " and "
                            + item.source());
                }
                items.add(item);
            }
        }
        return items;
    }

    static List<CorpusItem> read(Path file) throws IOException {
        JsonNode root = YAML.readTree(file.toFile());
        List<CorpusItem> items = new ArrayList<>();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return items;
        }
        JsonNode list = root.path("items");
        if (!list.isArray()) {
            throw new IllegalArgumentException(file + ": expected a list 'items'");
        }
        int index = 0;
        for (JsonNode node : list) {
            items.add(item(node, file + " item " + index++));
        }
        return items;
    }

    static CorpusItem item(JsonNode node, String where) {
        String id = required(node, "id", where);
        where = where + " (" + id + ")";
        String kind = node.path("kind").asText("passage");
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException(where + ": kind must be passage or article, not " + kind);
        }
        String format = node.path("format").asText("text");
        if (!FORMATS.contains(format)) {
            throw new IllegalArgumentException(where + ": format must be text, markdown or html, not " + format);
        }
        String language = node.path("language").asText("en");
        String set = node.path("set").asText("de".equals(language) ? "default-de" : "default");
        Map<String, Expectation> expect = new LinkedHashMap<>();
        JsonNode labels = node.path("expect");
        if (!labels.isObject()) {
            throw new IllegalArgumentException(where + ": expected a map 'expect' of guideline labels");
        }
        for (Map.Entry<String, JsonNode> label : labels.properties()) {
            JsonNode value = label.getValue();
            String verdict = value.isTextual() ? value.asText() : value.path("verdict").asText("");
            if (!verdict.equals("violation") && !verdict.equals("compliant")) {
                throw new IllegalArgumentException(where + ": " + label.getKey()
                        + " needs verdict violation or compliant, not '" + verdict + "'");
            }
            List<String> spans = new ArrayList<>();
            value.path("spans").forEach(s -> spans.add(s.asText()));
            String decidable = value.path("decidable").isMissingNode() ? null : value.path("decidable").asText();
            expect.put(label.getKey(), new Expectation(verdict.equals("violation"), decidable, spans));
        }
        List<String> tags = new ArrayList<>();
        node.path("tags").forEach(t -> tags.add(t.asText()));
        String title = node.hasNonNull("title") ? node.get("title").asText() : null;
        return new CorpusItem(id, kind, language, set, format, node.path("split").asText("dev"), title, tags,
                required(node, "text", where), expect, where);
    }

    private static String required(JsonNode node, String field, String where) {
        JsonNode value = node.path(field);
        if (!value.isValueNode() || value.asText().isBlank()) {
            throw new IllegalArgumentException(where + ": '" + field + "' is missing");
        }
        return value.asText();
    }
}
