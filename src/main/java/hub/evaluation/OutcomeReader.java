package hub.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads one item's report against its labels: the predicted class, expected and found spans per guideline. */
public final class OutcomeReader {

    private OutcomeReader() {
    }

    /** The outcome of {@code item}; a null report (the job failed or never finished) leaves everything UNDECIDED. */
    public static ItemOutcome read(CorpusItem item, JsonNode report, String error) {
        Map<String, JsonNode> results = new HashMap<>();
        if (report != null) {
            for (JsonNode result : report.path("guidelines")) {
                results.put(result.path("guidelineId").asText(), result);
            }
        }
        List<GuidelineOutcome> outcomes = new ArrayList<>();
        item.expect().forEach((guideline, expectation) -> {
            JsonNode result = results.get(guideline);
            List<Span> expected = new ArrayList<>();
            for (String span : expectation.spans()) {
                expected.addAll(Span.occurrences(item.text(), span));
            }
            List<Span> live = new ArrayList<>();
            if (result != null) {
                for (JsonNode finding : result.path("findings")) {
                    if (Predicted.counts(finding) && finding.path("offset").isNumber()) {
                        live.add(new Span(finding.path("offset").asInt(), finding.path("length").asInt()));
                    }
                }
            }
            outcomes.add(new GuidelineOutcome(item.id(), guideline, expectation, Predicted.of(result),
                    result == null ? null : result.path("verdict").asText(null), expected, live,
                    result == null ? null : result.path("evaluatedBy").asText(null)));
        });
        Double score = report != null && report.path("score").isNumber() ? report.path("score").asDouble() : null;
        Double coverage = report != null && report.path("coverage").isNumber()
                ? report.path("coverage").asDouble() : null;
        return new ItemOutcome(item.id(), item.kind(), item.language(), item.split(), score, outcomes, error,
                coverage);
    }
}
