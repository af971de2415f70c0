package hub.evaluation;

import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * {@code scripts/eval.sh}: runs the labelled corpus through the hub (an in-process hub by default, or the one at
 * {@code --url}), writes docs/evaluation.md's results section and target/eval/results.json, logs an MLflow run when
 * MLflow is configured, and prints the figures. The last line of stdout is the summary
 * ({@link Evaluation#summaryLine()}). Exit status: 0; 1 with {@code --check} when a threshold is broken; 2 on a
 * usage or corpus error.
 */
public final class EvaluationCommand {

    private EvaluationCommand() {
    }

    public static void main(String[] args) {
        if (java.util.Arrays.asList(args).contains("--help")) {
            System.out.print(EvaluationOptions.USAGE);
            return;
        }
        int status;
        try {
            status = run(EvaluationOptions.parse(args));
        } catch (IllegalArgumentException e) {
            System.err.println("eval: " + e.getMessage());
            status = 2;
        } catch (Exception e) {
            System.err.println("eval: failed: " + e);
            e.printStackTrace();
            status = 2;
        }
        System.exit(status);
    }

    static int run(EvaluationOptions options) throws Exception {
        List<CorpusItem> items = Corpus.load(options.corpus());
        if (options.split() != null) {
            items = items.stream().filter(i -> options.split().equals(i.split())).toList();
        }
        if (items.isEmpty()) {
            throw new IllegalArgumentException("no corpus items under " + options.corpus().toAbsolutePath()
                    + (options.split() == null ? "" : " in split " + options.split()));
        }
        System.err.println("eval: " + items.size() + " items from " + options.corpus());
        long start = System.currentTimeMillis();
        Duration timeout = Duration.ofSeconds(options.timeoutSeconds());
        Evaluation evaluation;
        String mlflow;
        if (options.url() != null) {
            HubApi api = new HubApi(URI.create(options.url()), options.token(), timeout);
            evaluation = Evaluation.of(CorpusRunner.run(api, items, options.concurrency(), System.err::println),
                    null, options.mode());
            mlflow = "MLflow: not logged (runs are logged through the in-process hub's MLflow client; --url was given)";
        } else {
            try (InProcessHub hub = InProcessHub.start(options.hubArgs())) {
                HubApi api = new HubApi(hub.url(), hub.mintToken("eval"), timeout);
                System.err.println("eval: hub started at " + hub.url() + (hub.llmEnabled() ? " with" : " without")
                        + " an LLM");
                evaluation = Evaluation.of(CorpusRunner.run(api, items, options.concurrency(), System.err::println),
                        hub.llmEnabled(), options.mode());
                mlflow = MlflowLogging.log(hub.context(), evaluation, start);
            }
        }
        ResultsJson.write(options.results(), evaluation);
        ResultsPage.write(options.page(), evaluation);

        Figures o = evaluation.overall();
        System.out.println("eval: mode " + evaluation.mode() + " (" + evaluation.modeDescription() + "), sets "
                + evaluation.sets() + ", " + String.format(Locale.ROOT, "%.1f s",
                (System.currentTimeMillis() - start) / 1000.0));
        System.out.println("eval: precision " + o.precision() + ", recall " + o.recall() + ", F1 "
                + Rate.format(o.f1()) + ", rules recall " + o.recallRules());
        System.out.println("eval: with review as violation: precision " + o.precisionWithReview() + ", recall "
                + o.recallWithReview() + ", F1 " + Rate.format(o.f1WithReview()));
        System.out.println("eval: span accuracy " + o.spanAccuracy() + ", span precision " + o.spanPrecision()
                + ", coverage " + o.coverage() + ", review rate " + o.reviewRate());
        System.out.println("eval: false alarms " + o.falseAlarms() + ", separation " + Rate.format(o.separation())
                + " (" + o.compliantArticles() + " compliant, " + o.violatingArticles() + " violating articles)");
        System.out.println("eval: misclassified " + evaluation.misclassified().size() + ", without a report "
                + evaluation.failed().size() + "; " + mlflow);
        System.out.println("eval: wrote " + options.page() + " and " + options.results());
        int status = 0;
        if (Files.exists(options.thresholds())) {
            try {
                Thresholds bars = Thresholds.load(options.thresholds(), evaluation.mode());
                List<String> breaches = bars.breaches(o, evaluation.language("de"));
                for (String breach : breaches) {
                    System.out.println("eval: threshold breach (" + evaluation.mode() + "): " + breach);
                }
                if (breaches.isEmpty()) {
                    System.out.println("eval: every threshold of mode " + evaluation.mode() + " holds");
                } else if (options.check()) {
                    status = 1;
                }
            } catch (IllegalArgumentException noBlock) {
                System.out.println("eval: " + noBlock.getMessage());
                if (options.check()) {
                    status = 1;
                }
            }
        } else if (options.check()) {
            System.out.println("eval: no thresholds file " + options.thresholds());
            status = 1;
        }
        System.out.println(evaluation.summaryLine());
        return status;
    }
}
