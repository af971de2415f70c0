package hub.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading reports against labels, and what the command writes: summary line, page, JSON, threshold breaches. */
class EvaluationOutputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reports for the fixture corpus: the guarantee is found, the clean article gets a false superlative. */
    static List<CorpusRunner.ItemRun> runs() throws Exception {
        List<CorpusItem> items = Corpus.load(CorpusTest.FIXTURE);
        String model = "'model':{'promptVersion':'guideline-verdict/2','configured':false},"
                + "'guidelineSet':{'id':'default','version':'1.0.0'}";
        return List.of(
                new CorpusRunner.ItemRun(items.get(0), report("{'score':40,'coverage':0.5," + model
                        + ",'guidelines':["
                        + "{'guidelineId':'no-guaranteed-returns','verdict':'FAIL','evaluatedBy':'rule',"
                        + "'findings':[{'quote':'guaranteed "
                        + "returns','offset':16,'length':18}]},{'guidelineId':'no-unqualified-superlatives',"
                        + "'verdict':'PASS','findings':[]}]}"), null),
                new CorpusRunner.ItemRun(items.get(1), null, "job x FAILED: boom"),
                new CorpusRunner.ItemRun(items.get(2), report("{'score':60," + model + ",'guidelines':["
                        + "{'guidelineId':'no-guaranteed-returns','verdict':'PASS','findings':[]},"
                        + "{'guidelineId':'no-unqualified-superlatives','verdict':'WARN','findings':[{'quote':'x',"
                        + "'offset':2,'length':1}]}]}"), null),
                new CorpusRunner.ItemRun(items.get(3), report("{'score':0," + model + ",'guidelines':["
                        + "{'guidelineId':'no-guaranteed-returns','verdict':'FAIL','findings':[]},"
                        + "{'guidelineId':'no-unqualified-superlatives','verdict':'WARN','findings':[{'quote':'best',"
                        + "'offset':6,'length':4,'needsReview':true}]}]}"), null));
    }

    static JsonNode report(String json) throws Exception {
        return JSON.readTree(json.replace('\'', '"'));
    }

    @Test
    void readsTheReportsAgainstTheLabels() throws Exception {
        Evaluation e = Evaluation.of(runs(), null, "llm");
        assertThat(e.mode()).isEqualTo("rules-only");
        assertThat(e.model()).isNull();
        assertThat(e.sets()).containsEntry("default", "1.0.0");
        assertThat(e.promptVersion()).isEqualTo("guideline-verdict/2");
        ItemOutcome first = e.items().get(0);
        GuidelineOutcome guarantee = first.guidelines().get(0);
        assertThat(guarantee.predicted()).isEqualTo(Predicted.VIOLATION);
        assertThat(guarantee.expectedSpans()).containsExactly(new Span(16, 18));
        assertThat(guarantee.liveSpans()).containsExactly(new Span(16, 18));
        assertThat(e.items().get(1).guidelines()).allMatch(g -> g.predicted() == Predicted.UNDECIDED);
        // The violating article: "best" occurs twice; the superlative is only a review candidate.
        GuidelineOutcome best = e.items().get(3).guidelines().get(1);
        assertThat(best.expectedSpans()).hasSize(2);
        assertThat(best.predicted()).isEqualTo(Predicted.REVIEW);
        assertThat(best.liveSpans()).isEmpty();

        Figures o = e.overall();
        // TP: item 0 and the article's guarantee; FP: the clean article's superlative.
        assertThat(o.precision()).isEqualTo(new Rate(2, 3));
        // FN: the article's superlative (review).
        assertThat(o.recall()).isEqualTo(new Rate(2, 3));
        assertThat(o.recallWithReview()).isEqualTo(new Rate(3, 3));
        // Clean items: fx-denial-001 (no report) and fx-article-clean (alarmed).
        assertThat(o.falseAlarms()).isEqualTo(new Rate(1, 2));
        assertThat(o.separation()).hasValue(1.0);
        // Item 0's span found; the article's guarantee FAIL has no findings, so its span is missed.
        assertThat(o.spanAccuracy()).isEqualTo(new Rate(1, 2));
        assertThat(e.misclassified()).extracting(g -> g.itemId() + "/" + g.guidelineId()).containsExactly(
                "fx-article-clean/no-unqualified-superlatives", "fx-article-violating/no-unqualified-superlatives");
        assertThat(e.summaryLine()).isEqualTo(
                "eval: items=4 en=4 de=0 precision=0.667 recall=0.667 false-alarms=0.500 separation=1.000");
    }

    @Test
    void theModeIsTheRequestedOneWhenAnLlmIsConfigured() throws Exception {
        assertThat(Evaluation.of(runs(), true, "fake-llm").mode()).isEqualTo("fake-llm");
        assertThat(Evaluation.of(runs(), false, "fake-llm").mode()).isEqualTo("rules-only");
    }

    @Test
    void thePageKeepsItsHandWrittenPartsAndReplacesOnlyTheResults(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("docs/evaluation.md");
        Evaluation e = Evaluation.of(runs(), null, "llm");
        ResultsPage.write(page, e);
        String created = Files.readString(page);
        assertThat(created).startsWith("# Evaluation").contains(ResultsPage.START).contains(ResultsPage.END)
                .contains("| precision | 0.667 | 2/3 |")
                .contains("| `fx-article-clean` | `no-unqualified-superlatives` | compliant | violation | WARN |")
                .contains("`fx-denial-001`: job x FAILED: boom");

        Files.writeString(page, "# Mine\n\nHand-written.\n\n" + ResultsPage.START + "\nold\n" + ResultsPage.END
                + "\n\nAfter.\n");
        ResultsPage.write(page, e);
        String updated = Files.readString(page);
        assertThat(updated).startsWith("# Mine\n\nHand-written.\n\n" + ResultsPage.START + "\n")
                .endsWith(ResultsPage.END + "\n\nAfter.\n").doesNotContain("\nold\n").contains("### Per guideline");
    }

    @Test
    void theJsonHoldsEveryItemAndNotApplicableAsNull(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("target/eval/results.json");
        ResultsJson.write(file, Evaluation.of(runs(), null, "llm"));
        JsonNode json = JSON.readTree(file.toFile());
        assertThat(json.path("items")).hasSize(4);
        assertThat(json.path("overall").path("precision").asDouble()).isEqualTo(2.0 / 3);
        assertThat(json.path("languages").path("en").path("separation").asDouble()).isEqualTo(1.0);
        assertThat(json.path("guidelines").path("no-guaranteed-returns").path("precisionWithReview").isNumber())
                .isTrue();
        assertThat(json.path("splits").path("dev").path("spanPrecision").isNull()).isFalse();
        assertThat(json.path("items").path(1).path("error").asText()).contains("FAILED");
        assertThat(json.path("items").path(0).path("reportCoverage").asDouble()).isEqualTo(0.5);
        assertThat(json.path("items").path(0).path("guidelines").path(0).path("evaluatedBy").asText())
                .isEqualTo("rule");
        assertThat(json.path("items").path(2).has("reportCoverage")).isFalse();
        assertThat(json.path("items").path(3).path("guidelines").path(1).path("predicted").asText())
                .isEqualTo("review");
    }

    @Test
    void thresholdsNameEveryBreachAndTreatNotApplicableAsABreach(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("thresholds.yaml");
        Files.writeString(file, "rules-only:\n  min-precision: 0.6\n  min-recall-rules: 0.8\n"
                + "  max-false-alarms: 0.02\n  min-separation: 0.95\n  min-items: 4\n  min-german: 1\n");
        Evaluation e = Evaluation.of(runs(), null, "llm");
        List<String> breaches = Thresholds.load(file, "rules-only").breaches(e.overall(), e.language("de"));
        assertThat(breaches).containsExactly("recall-rules 0.667 < min 0.800", "false-alarms 0.500 > max 0.020",
                "German items 0 < min-german 1");
        assertThat(Thresholds.load(file, "rules-only").breaches(Metrics.of(List.of()), 5))
                .contains("precision is n/a (empty denominator), needs >= 0.600",
                        "separation is n/a (empty denominator), needs >= 0.950", "items 0 < min-items 4");
        assertThatThrownBy(() -> Thresholds.load(file, "fake-llm")).hasMessageContaining("fake-llm");
    }

    @Test
    void theCommittedThresholdsHaveBothModes() throws Exception {
        for (String mode : List.of("rules-only", "fake-llm")) {
            Thresholds t = Thresholds.load(Path.of("eval/thresholds.yaml"), mode);
            assertThat(t.minPrecision()).isNotNull();
            assertThat(t.minRecallRules()).isNotNull();
            assertThat(t.maxFalseAlarms()).isNotNull();
            assertThat(t.minSeparation()).isNotNull();
            assertThat(t.minItems()).isNotNull();
            assertThat(t.minGerman()).isNotNull();
        }
    }

    @Test
    void optionsSeparateTheCommandsFromTheHubsSettings() {
        EvaluationOptions o = EvaluationOptions.parse("--check", "--mode", "fake-llm", "--hub.llm.enabled=true",
                "--data-dir", "/tmp/x", "--concurrency", "4");
        assertThat(o.check()).isTrue();
        assertThat(o.mode()).isEqualTo("fake-llm");
        assertThat(o.concurrency()).isEqualTo(4);
        assertThat(o.hubArgs()).containsExactly("--hub.llm.enabled=true", "--hub.data-dir=/tmp/x");
        assertThatThrownBy(() -> EvaluationOptions.parse("--bogus")).hasMessageContaining("unknown argument");
        assertThatThrownBy(() -> EvaluationOptions.parse("--url", "http://x")).hasMessageContaining("--token");
    }
}
