package hub.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes the results into docs/evaluation.md between {@code <!-- eval:results:start -->} and
 * {@code <!-- eval:results:end -->}, leaving the hand-written text around them alone; creates the page with a short
 * header when it does not exist.
 */
public final class ResultsPage {

    public static final String START = "<!-- eval:results:start -->";
    public static final String END = "<!-- eval:results:end -->";
    private static final int MAX_LISTED = 500;

    private ResultsPage() {
    }

    public static void write(Path page, Evaluation evaluation) throws IOException {
        String text = Files.exists(page) ? Files.readString(page) : header();
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        if (start < 0 || end < start) {
            text = text + (text.endsWith("\n") ? "\n" : "\n\n") + START + "\n" + END + "\n";
            start = text.indexOf(START);
            end = text.indexOf(END);
        }
        String updated = text.substring(0, start + START.length()) + "\n" + section(evaluation)
                + text.substring(end);
        if (page.getParent() != null) {
            Files.createDirectories(page.getParent());
        }
        Files.writeString(page, updated);
    }

    static String header() {
        return """
                # Evaluation

                `scripts/eval.sh` runs the labelled corpus (`eval/corpus/**.yaml`) through the hub's real flow and
                measures its verdicts. The section below is rewritten by every run.

                ## Latest results

                """;
    }

    static String section(Evaluation e) {
        StringBuilder md = new StringBuilder();
        md.append("\n_Written by `scripts/eval.sh` on ").append(e.date()).append("._\n\n");
        md.append("- Mode: **").append(e.mode()).append("** (").append(e.modeDescription()).append(")\n");
        md.append("- Prompt version: ").append(e.promptVersion() == null ? "n/a" : "`" + e.promptVersion() + "`")
                .append("\n");
        md.append("- Guideline sets: ");
        if (e.sets().isEmpty()) {
            md.append("none reported");
        } else {
            md.append(String.join(", ", e.sets().entrySet().stream()
                    .map(s -> "`" + s.getKey() + "` " + s.getValue()).toList()));
        }
        md.append("\n- Items: ").append(e.overall().items()).append(" (en ").append(e.language("en"))
                .append(", de ").append(e.language("de")).append("), labelled expectations ")
                .append(e.overall().expectations()).append(", without a report ").append(e.failed().size())
                .append("\n\n");

        Figures o = e.overall();
        md.append("### Overall\n\n| metric | value | counts |\n| --- | --- | --- |\n");
        row(md, "precision", o.precision());
        row(md, "recall", o.recall());
        md.append("| F1 | ").append(Rate.format(o.f1())).append(" | |\n");
        row(md, "precision, review counted as violation", o.precisionWithReview());
        row(md, "recall, review counted as violation", o.recallWithReview());
        md.append("| F1, review counted as violation | ").append(Rate.format(o.f1WithReview())).append(" | |\n");
        row(md, "recall on rules-decidable labels", o.recallRules());
        row(md, "span accuracy", o.spanAccuracy());
        row(md, "span precision", o.spanPrecision());
        row(md, "false alarms on clean items", o.falseAlarms());
        row(md, "coverage", o.coverage());
        row(md, "review rate", o.reviewRate());
        md.append("| separation (ROC AUC of the article score) | ").append(Rate.format(o.separation()))
                .append(" | ").append(o.compliantArticles()).append(" compliant, ").append(o.violatingArticles())
                .append(" violating articles |\n");
        md.append("| mean score, compliant articles | ").append(score(o.meanScoreCompliant())).append(" | |\n");
        md.append("| mean score, violating articles | ").append(score(o.meanScoreViolating())).append(" | |\n\n");

        md.append("### Per guideline\n\n| guideline | labels | precision | recall | rules recall | F1 | F1 with review "
                + "| span accuracy | coverage | review rate |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- "
                + "| --- |\n");
        for (Map.Entry<String, Figures> g : e.guidelines().entrySet()) {
            Figures f = g.getValue();
            md.append("| `").append(g.getKey()).append("` | ").append(f.expectations()).append(" | ")
                    .append(f.precision().format()).append(" | ").append(f.recall().format()).append(" | ")
                    .append(f.recallRules().format()).append(" | ").append(Rate.format(f.f1())).append(" | ")
                    .append(Rate.format(f.f1WithReview())).append(" | ").append(f.spanAccuracy().format())
                    .append(" | ").append(f.coverage().format()).append(" | ").append(f.reviewRate().format())
                    .append(" |\n");
        }
        md.append('\n');
        groups(md, "Per language", "language", e.languages());
        groups(md, "Per split", "split", e.splits());

        List<GuidelineOutcome> wrong = e.misclassified();
        md.append("### Misclassified (").append(wrong.size()).append(")\n\n");
        if (wrong.isEmpty()) {
            md.append("None.\n\n");
        } else {
            md.append("| item | guideline | expected | got | verdict |\n| --- | --- | --- | --- | --- |\n");
            wrong.stream().limit(MAX_LISTED).forEach(g -> md.append("| `").append(g.itemId()).append("` | `")
                    .append(g.guidelineId()).append("` | ").append(g.expectation().label()).append(" | ")
                    .append(g.predicted().label()).append(" | ")
                    .append(g.verdict() == null ? "absent" : g.verdict()).append(" |\n"));
            if (wrong.size() > MAX_LISTED) {
                md.append("\n… and ").append(wrong.size() - MAX_LISTED)
                        .append(" more in `target/eval/results.json`.\n");
            }
            md.append('\n');
        }
        if (!e.failed().isEmpty()) {
            md.append("### Without a report (").append(e.failed().size()).append(")\n\n");
            e.failed().forEach(i -> md.append("- `").append(i.id()).append("`: ")
                    .append(i.error().replace('\n', ' ')).append('\n'));
            md.append('\n');
        }
        return md.toString();
    }

    private static void groups(StringBuilder md, String title, String key, Map<String, Figures> groups) {
        md.append("### ").append(title).append("\n\n| ").append(key)
                .append(" | items | precision | recall | rules recall | F1 | false alarms | separation |\n"
                        + "| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        groups.forEach((name, f) -> md.append("| ").append(name).append(" | ").append(f.items()).append(" | ")
                .append(f.precision().format()).append(" | ").append(f.recall().format()).append(" | ")
                .append(f.recallRules().format()).append(" | ").append(Rate.format(f.f1())).append(" | ")
                .append(f.falseAlarms().format()).append(" | ").append(Rate.format(f.separation())).append(" |\n"));
        md.append('\n');
    }

    private static void row(StringBuilder md, String name, Rate rate) {
        md.append("| ").append(name).append(" | ").append(rate.format()).append(" | ").append(rate.hits())
                .append("/").append(rate.of()).append(" |\n");
    }

    private static String score(java.util.OptionalDouble value) {
        return value.isPresent() ? String.format(java.util.Locale.ROOT, "%.1f", value.getAsDouble()) : "n/a";
    }
}
