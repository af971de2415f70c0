package hub.evaluation;

import java.util.List;
import java.util.Map;

/**
 * One labelled passage or article of the corpus.
 *
 * @param kind {@code passage} or {@code article}
 * @param set the guideline set id it is checked against
 * @param expect the labels by guideline id, in the file's order
 * @param source the corpus file it came from, for messages
 */
public record CorpusItem(String id, String kind, String language, String set, String format, String split,
                         String title, List<String> tags, String text, Map<String, Expectation> expect,
                         String source) {

    public CorpusItem {
        tags = tags == null ? List.of() : List.copyOf(tags);
        expect = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(expect));
    }

    public boolean article() {
        return "article".equals(kind);
    }
}
