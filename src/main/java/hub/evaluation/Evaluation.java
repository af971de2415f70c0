package hub.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One evaluation run: what was run (mode, model, prompt version, guideline set versions), every item's outcome and
 * the figures overall, per guideline, per language and per split.
 *
 * @param mode the name of the thresholds block: {@code rules-only} without an LLM, else the requested mode
 * @param model the model name from the reports, or null without an LLM
 * @param sets guideline set id to the version(s) the reports name
 */
public record Evaluation(OffsetDateTime date, String mode, String model, String promptVersion,
                         SortedMap<String, String> sets, List<ItemOutcome> items, Figures overall,
                         SortedMap<String, Figures> guidelines, SortedMap<String, Figures> languages,
                         SortedMap<String, Figures> splits) {

    public static final String RULES_ONLY = "rules-only";

    /**
     * Reads the runs. {@code llmConfigured} says whether the hub had an LLM; null reads it from the reports'
     * {@code model.configured} (any true means an LLM).
     */
    public static Evaluation of(List<CorpusRunner.ItemRun> runs, Boolean llmConfigured, String requestedMode) {
        List<ItemOutcome> items = runs.stream().map(r -> OutcomeReader.read(r.item(), r.report(), r.error())).toList();
        String model = null;
        String promptVersion = null;
        boolean configured = false;
        SortedMap<String, java.util.SortedSet<String>> versions = new TreeMap<>();
        for (CorpusRunner.ItemRun run : runs) {
            JsonNode report = run.report();
            if (report == null) {
                continue;
            }
            JsonNode m = report.path("model");
            configured |= m.path("configured").asBoolean(false);
            if (model == null && m.hasNonNull("name") && m.path("configured").asBoolean(false)) {
                model = m.path("name").asText();
            }
            if (promptVersion == null && m.hasNonNull("promptVersion")) {
                promptVersion = m.path("promptVersion").asText();
            }
            JsonNode set = report.path("guidelineSet");
            if (set.hasNonNull("id")) {
                versions.computeIfAbsent(set.path("id").asText(), k -> new java.util.TreeSet<>())
                        .add(set.path("version").asText("?"));
            }
        }
        boolean llm = llmConfigured != null ? llmConfigured : configured;
        SortedMap<String, String> sets = new TreeMap<>();
        versions.forEach((id, v) -> sets.put(id, String.join(", ", v)));
        return new Evaluation(OffsetDateTime.now().withNano(0), llm ? requestedMode : RULES_ONLY, llm ? model : null,
                promptVersion, sets, items, Metrics.of(items), Metrics.byGuideline(items),
                Metrics.byLanguage(items), Metrics.bySplit(items));
    }

    public long language(String language) {
        return items.stream().filter(i -> language.equals(i.language())).count();
    }

    public List<GuidelineOutcome> misclassified() {
        return items.stream().flatMap(i -> i.guidelines().stream()).filter(GuidelineOutcome::misclassified).toList();
    }

    public List<ItemOutcome> failed() {
        return items.stream().filter(i -> i.error() != null).toList();
    }

    /** What judged, for people: no LLM, or the model's name. */
    public String modeDescription() {
        return RULES_ONLY.equals(mode) ? "no LLM configured" : "model " + (model == null ? "unknown" : model);
    }

    /** The command's last line. */
    public String summaryLine() {
        return "eval: items=" + overall.items() + " en=" + language("en") + " de=" + language("de")
                + " precision=" + overall.precision().format() + " recall=" + overall.recall().format()
                + " false-alarms=" + overall.falseAlarms().format()
                + " separation=" + Rate.format(overall.separation());
    }
}
