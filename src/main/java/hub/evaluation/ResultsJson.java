package hub.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

/** The full per-item results as JSON (target/eval/results.json): every label, its class and the found spans. */
public final class ResultsJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsJson() {
    }

    public static void write(Path file, Evaluation e) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("date", e.date().toString()).put("mode", e.mode()).put("model", e.model())
                .put("promptVersion", e.promptVersion());
        ObjectNode sets = root.putObject("guidelineSets");
        e.sets().forEach(sets::put);
        root.set("overall", figures(e.overall()));
        ObjectNode guidelines = root.putObject("guidelines");
        e.guidelines().forEach((id, f) -> guidelines.set(id, figures(f)));
        ObjectNode languages = root.putObject("languages");
        e.languages().forEach((id, f) -> languages.set(id, figures(f)));
        ObjectNode splits = root.putObject("splits");
        e.splits().forEach((id, f) -> splits.set(id, figures(f)));
        ArrayNode items = root.putArray("items");
        for (ItemOutcome item : e.items()) {
            ObjectNode node = items.addObject().put("id", item.id()).put("kind", item.kind())
                    .put("language", item.language()).put("split", item.split());
            if (item.score() != null) {
                node.put("score", item.score());
            }
            if (item.reportCoverage() != null) {
                node.put("reportCoverage", item.reportCoverage());
            }
            if (item.error() != null) {
                node.put("error", item.error());
            }
            ArrayNode labels = node.putArray("guidelines");
            for (GuidelineOutcome g : item.guidelines()) {
                ObjectNode label = labels.addObject().put("guidelineId", g.guidelineId())
                        .put("expected", g.expectation().label()).put("decidable", g.expectation().decidable())
                        .put("predicted", g.predicted().label()).put("verdict", g.verdict())
                        .put("evaluatedBy", g.evaluatedBy())
                        .put("misclassified", g.misclassified());
                ArrayNode expected = label.putArray("expectedSpans");
                g.expectedSpans().forEach(s -> expected.addObject().put("offset", s.offset()).put("length", s.length()));
                ArrayNode live = label.putArray("liveFindings");
                g.liveSpans().forEach(s -> live.addObject().put("offset", s.offset()).put("length", s.length()));
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        JSON.writeValue(file.toFile(), root);
    }

    private static ObjectNode figures(Figures f) {
        ObjectNode node = JSON.createObjectNode().put("items", f.items()).put("expectations", f.expectations());
        rate(node, "precision", f.precision());
        rate(node, "recall", f.recall());
        value(node, "f1", f.f1());
        rate(node, "precisionWithReview", f.precisionWithReview());
        rate(node, "recallWithReview", f.recallWithReview());
        value(node, "f1WithReview", f.f1WithReview());
        rate(node, "recallRules", f.recallRules());
        rate(node, "spanAccuracy", f.spanAccuracy());
        rate(node, "spanPrecision", f.spanPrecision());
        rate(node, "falseAlarms", f.falseAlarms());
        rate(node, "coverage", f.coverage());
        rate(node, "reviewRate", f.reviewRate());
        value(node, "separation", f.separation());
        value(node, "meanScoreCompliant", f.meanScoreCompliant());
        value(node, "meanScoreViolating", f.meanScoreViolating());
        return node;
    }

    private static void rate(ObjectNode node, String name, Rate rate) {
        value(node, name, rate.value());
        node.putObject(name + "Counts").put("hits", rate.hits()).put("of", rate.of());
    }

    /** A number, or null for n/a. */
    private static void value(ObjectNode node, String name, OptionalDouble value) {
        if (value.isPresent()) {
            node.put(name, value.getAsDouble());
        } else {
            node.putNull(name);
        }
    }
}
