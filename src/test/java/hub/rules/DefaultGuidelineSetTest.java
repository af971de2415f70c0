package hub.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import hub.article.ArticleFormat;
import hub.article.PlainText;
import hub.guideline.Guideline;
import hub.guideline.GuidelineSet;
import hub.report.model.Severity;
import hub.report.model.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DefaultGuidelineSetTest {

    private static final Path SAMPLE_ARTICLE = Path.of("examples/sample-article.md");
    private static final Path SAMPLE_REQUEST = Path.of("examples/sample-request.json");

    private static GuidelineSet set;
    private static String article;
    private final RuleEngine engine = new RuleEngine();

    @BeforeAll
    static void load() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).findAndRegisterModules();
        try (InputStream in = DefaultGuidelineSetTest.class.getResourceAsStream("/guidelines/default.yaml")) {
            set = yaml.readValue(in, GuidelineSet.class);
        }
        article = Files.readString(SAMPLE_ARTICLE);
    }

    @Test
    void describesTheDefaultSet() {
        assertThat(set.id()).isEqualTo("default");
        assertThat(set.version()).isEqualTo("1.0.0");
        assertThat(set.language()).isEqualTo("en");
        assertThat(set.title()).isNotBlank();
        assertThat(set.description()).isNotBlank();
        assertThat(set.guidelines()).hasSize(10);
    }

    @Test
    void guidelinesAreWellFormed() {
        assertThat(set.guidelines()).extracting(Guideline::id).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("[a-z0-9]+(?:-[a-z0-9]+)*"));
        assertThat(set.guidelines()).allSatisfy(g -> {
            assertThat(g.title()).isNotBlank();
            assertThat(g.category()).isNotBlank();
            assertThat(g.needsLlm() || g.hasDeterministicChecks()).as(g.id()).isTrue();
            assertThatCode(() -> engine.validate(g)).as(g.id()).doesNotThrowAnyException();
        });
        assertThat(set.guidelines()).extracting(Guideline::severity)
                .contains(Severity.ERROR, Severity.WARNING, Severity.INFO);
    }

    @Test
    void coversTheRequiredTopics() {
        Map<String, Guideline> byId = set.guidelines().stream()
                .collect(Collectors.toMap(Guideline::id, Function.identity()));

        assertThat(byId).containsKeys("no-guaranteed-returns", "risk-warning-required", "no-unqualified-superlatives",
                "fees-reference-gtc", "plain-language-length", "inclusive-language", "no-pressure-selling",
                "balanced-risks-and-benefits", "insurance-exclusions", "jargon-explained");
        assertThat(byId.get("plain-language-length").checks().maxSentenceWords()).isEqualTo(30);
        assertThat(byId.get("balanced-risks-and-benefits").hasDeterministicChecks()).isFalse();
        assertThat(byId.values()).filteredOn(g -> g.needsLlm() && g.hasDeterministicChecks())
                .as("rule hits on these are candidates for the model").hasSize(8);
    }

    @Test
    void sampleArticleTriggersThePlantedFindingsAtExactSourceOffsets() {
        PlainText plain = PlainText.of(article, ArticleFormat.MARKDOWN);
        List<Object[]> found = new ArrayList<>();
        for (Guideline g : set.guidelines()) {
            for (Finding f : engine.check(g, plain)) {
                found.add(new Object[] {g.id(), f.checkId(), f.quote(), f.offset()});
                if (f.offset() != null) {
                    assertThat(article.substring(f.offset(), f.offset() + f.length())).isEqualTo(f.quote());
                }
            }
        }

        assertThat(found).extracting(row -> tuple(row))
                .containsExactlyInAnyOrder(
                        tuple("no-guaranteed-returns", "forbidden-term", "**Guaranteed returns**",
                                article.indexOf("**Guaranteed returns**")),
                        tuple("no-guaranteed-returns", "pattern", "guaranteed 5%", article.indexOf("guaranteed 5%")),
                        tuple("risk-warning-required", "required-phrase", null, null),
                        tuple("risk-warning-required", "required-phrase", null, null),
                        tuple("no-unqualified-superlatives", "forbidden-term", "*best*", article.indexOf("*best*")),
                        tuple("fees-reference-gtc", "pattern", "management charge is just 0.5%",
                                article.indexOf("management charge is just 0.5%")),
                        tuple("fees-reference-gtc", "pattern", "costs nothing", article.indexOf("costs nothing")),
                        tuple("plain-language-length", "sentence-length", longSentence(),
                                article.indexOf(longSentence())),
                        tuple("inclusive-language", "forbidden-term", "layman's", article.indexOf("layman's")),
                        tuple("no-pressure-selling", "forbidden-term", "Don’t miss out", article.indexOf("Don’t")),
                        tuple("no-pressure-selling", "forbidden-term", "never last", article.indexOf("never last")),
                        tuple("no-pressure-selling", "forbidden-term", "**Act now**", article.indexOf("**Act now**")));
    }

    @Test
    void emojiBeforeTheFindingsShiftsOffsetsByTwoCodeUnits() {
        PlainText plain = PlainText.of(article, ArticleFormat.MARKDOWN);
        Guideline superlatives = set.guidelines().stream()
                .filter(g -> g.id().equals("no-unqualified-superlatives")).findFirst().orElseThrow();

        Finding best = engine.check(superlatives, plain).get(0);

        assertThat(article).startsWith("# FutureNest 🚀");
        assertThat(best.offset()).isEqualTo(article.indexOf("*best*"))
                .isEqualTo(article.codePointCount(0, best.offset()) + 1);
    }

    @Test
    void theChairmanNamedInTheSampleIsNoInclusiveLanguageFinding() {
        Guideline inclusive = set.guidelines().stream().filter(g -> g.id().equals("inclusive-language")).findFirst()
                .orElseThrow();
        assertThat(article).contains("says our chairman, Robert Hale.");
        assertThat(engine.check(inclusive, PlainText.of(article, ArticleFormat.MARKDOWN)))
                .extracting(Finding::quote).containsExactly("layman's");
    }

    @Test
    void sampleRequestCarriesTheSampleArticle() throws IOException {
        JsonNode request = new ObjectMapper().readTree(Files.readString(SAMPLE_REQUEST));

        assertThat(request.at("/article/text").asText()).isEqualTo(article);
        assertThat(request.at("/article/format").asText()).isEqualTo("markdown");
        assertThat(request.at("/article/language").asText()).isEqualTo("en");
        assertThat(request.at("/guidelineSet").asText()).isEqualTo("default");
        assertThat(request.at("/options/gtcValidation").asBoolean(true)).isFalse();
        assertThat(request.at("/externalRef").asText()).isEqualTo("sample-001");
    }

    private static String longSentence() {
        int start = article.indexOf("When you open a plan");
        return article.substring(start, article.indexOf("change.", start) + "change.".length());
    }
}
