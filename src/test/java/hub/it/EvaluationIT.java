package hub.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import bench.FakeLlm;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import hub.evaluation.Corpus;
import hub.evaluation.CorpusItem;
import hub.evaluation.CorpusRunner;
import hub.evaluation.Evaluation;
import hub.evaluation.GuidelineOutcome;
import hub.evaluation.HubApi;
import hub.evaluation.MlflowLogging;
import hub.evaluation.Predicted;
import hub.evaluation.Thresholds;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The evaluation (docs/evaluation.md) through whole hubs on the local services with the shipped guideline sets
 * ({@code src/main/resources/guidelines}): the committed corpus {@code eval/corpus} (or {@code -Dhub.eval.corpus})
 * must meet its mode's bars in {@code eval/thresholds.yaml} without an LLM ({@code rules-only}) and with a fake
 * LLM on loopback that finds nothing ({@code fake-llm}); skipped while the corpus is empty. The tiny fixture corpus
 * checks the plumbing and the MLflow run against WireMock.
 */
class EvaluationIT {

    private static final Path CORPUS = Path.of(System.getProperty("hub.eval.corpus", "eval/corpus"));
    private static final Path FIXTURE = Path.of("src/test/resources/eval-corpus");
    private static final Path THRESHOLDS = Path.of("eval/thresholds.yaml");
    private static final int CONCURRENCY = 16;

    /** A hub on the local services with the shipped guideline sets and a rate limit the corpus never meets. */
    private static RunningHub hub(String name, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--hub.guidelines.dir=src/main/resources/guidelines",
                "--hub.api.rate-limit.per-second=100000",
                "--hub.api.rate-limit.burst=100000",
                // Jobs other test classes left in the shared schema are not taken up by these hubs.
                "--hub.recovery.startup-delay-ms=3600000",
                "--hub.recovery.requeue-after-seconds=3600"));
        args.addAll(List.of(more));
        return RunningHub.local(name + "-" + UUID.randomUUID(), args.toArray(String[]::new));
    }

    private static Evaluation evaluate(RunningHub hub, List<CorpusItem> items, boolean llm, String mode)
            throws InterruptedException {
        URI url = URI.create("http://127.0.0.1:" + hub.context().getEnvironment().getProperty("local.server.port"));
        HubApi api = new HubApi(url, TestTokens.mint("eval-it", "eval-it-tenant"), Duration.ofSeconds(120));
        return Evaluation.of(CorpusRunner.run(api, items, CONCURRENCY, System.out::println), llm, mode);
    }

    private static List<CorpusItem> committedCorpus() throws Exception {
        List<CorpusItem> items = Corpus.load(CORPUS);
        assumeFalse(items.isEmpty(), "No labelled corpus under " + CORPUS.toAbsolutePath()
                + " yet (eval/corpus/**.yaml): the evaluation thresholds are not checked");
        return items;
    }

    private static void assertMeetsThresholds(Evaluation e) throws Exception {
        System.out.println(e.summaryLine());
        List<String> breaches = Thresholds.load(THRESHOLDS, e.mode()).breaches(e.overall(), e.language("de"));
        assertThat(breaches).as("Mode %s breaks eval/thresholds.yaml:%n  %s%n%s", e.mode(),
                String.join("\n  ", breaches), e.summaryLine()).isEmpty();
    }

    @Test
    void theCommittedCorpusMeetsTheRulesOnlyThresholds() throws Exception {
        List<CorpusItem> items = committedCorpus();
        try (RunningHub hub = hub("eval-rules", "--hub.llm.enabled=false")) {
            Evaluation e = evaluate(hub, items, false, "rules-only");
            assertThat(e.mode()).isEqualTo("rules-only");
            assertMeetsThresholds(e);
        }
    }

    @Test
    void theCommittedCorpusMeetsTheFakeLlmThresholds() throws Exception {
        List<CorpusItem> items = committedCorpus();
        try (FakeLlm llm = new FakeLlm(0);
             RunningHub hub = hub("eval-fake-llm", "--hub.llm.enabled=true", "--hub.llm.url=" + llm.url())) {
            Evaluation e = evaluate(hub, items, true, "fake-llm");
            assertThat(e.mode()).isEqualTo("fake-llm");
            assertThat(llm.calls.get()).as("the fake LLM was asked").isPositive();
            assertMeetsThresholds(e);
        }
    }

    @Test
    void theFixtureCorpusRunsThroughTheHubAndItsRunIsLoggedToMlflow() throws Exception {
        WireMockServer mlflow = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1")
                .dynamicPort());
        mlflow.start();
        String api = "/api/2.0/mlflow/";
        mlflow.stubFor(get(urlPathEqualTo(api + "experiments/get-by-name")).willReturn(aResponse().withStatus(404)
                .withBody("{\"error_code\":\"RESOURCE_DOES_NOT_EXIST\"}")));
        mlflow.stubFor(post(urlPathEqualTo(api + "experiments/create")).willReturn(json("{\"experiment_id\":\"7\"}")));
        mlflow.stubFor(post(urlPathEqualTo(api + "runs/create"))
                .willReturn(json("{\"run\":{\"info\":{\"run_id\":\"eval-run-1\"}}}")));
        mlflow.stubFor(post(urlPathEqualTo(api + "runs/log-batch")).willReturn(json("{}")));
        mlflow.stubFor(post(urlPathEqualTo(api + "runs/update")).willReturn(json("{}")));
        String prefix = "eval-it-" + UUID.randomUUID() + "/";
        try (RunningHub hub = hub("eval-fixture", "--hub.llm.enabled=false",
                "--hub.mlflow.tracking-uri=http://127.0.0.1:" + mlflow.port(),
                "--hub.mlflow.experiment-prefix=" + prefix)) {
            long start = System.currentTimeMillis();
            Evaluation e = evaluate(hub, Corpus.load(FIXTURE), false, "llm");
            assertThat(e.failed()).isEmpty();
            assertThat(e.sets()).containsKey("default");
            GuidelineOutcome guarantee = e.items().get(0).guidelines().get(0);
            assertThat(guarantee.guidelineId()).isEqualTo("no-guaranteed-returns");
            assertThat(guarantee.predicted()).isEqualTo(Predicted.VIOLATION);
            assertThat(guarantee.expectedSpans()).hasSize(1);
            assertThat(guarantee.liveSpans()).isNotEmpty()
                    .allMatch(found -> found.overlaps(guarantee.expectedSpans().get(0)));
            assertThat(e.overall().recallRules().of()).isEqualTo(3);
            assertThat(e.summaryLine()).startsWith("eval: items=4 en=4 de=0 precision=");

            String logged = MlflowLogging.log(hub.context(), e, start);
            assertThat(logged).isEqualTo("MLflow: run eval-run-1 logged in experiment " + prefix + "evaluation");
            mlflow.verify(postRequestedFor(urlPathEqualTo(api + "experiments/create"))
                    .withRequestBody(matchingJsonPath("$.name", com.github.tomakehurst.wiremock.client.WireMock
                            .equalTo(prefix + "evaluation"))));
            mlflow.verify(postRequestedFor(urlPathEqualTo(api + "runs/log-batch"))
                    .withRequestBody(matchingJsonPath("$.params[?(@.key == 'mode' && @.value == 'rules-only')]"))
                    .withRequestBody(matchingJsonPath("$.params[?(@.key == 'corpus_size' && @.value == '4')]"))
                    .withRequestBody(matchingJsonPath("$.metrics[?(@.key == 'recall_rules')]"))
                    .withRequestBody(matchingJsonPath("$.metrics[?(@.key == 'f1.no-guaranteed-returns')]")));
        } finally {
            mlflow.stop();
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
