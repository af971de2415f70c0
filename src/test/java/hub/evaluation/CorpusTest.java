package hub.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusTest {

    static final Path FIXTURE = Path.of("src/test/resources/eval-corpus");

    @Test
    void readsEveryItemOfTheFixtureCorpus() throws Exception {
        List<CorpusItem> items = Corpus.load(FIXTURE);
        assertThat(items).extracting(CorpusItem::id).containsExactly("fx-guarantee-001", "fx-denial-001",
                "fx-article-clean", "fx-article-violating");
        CorpusItem first = items.get(0);
        assertThat(first.kind()).isEqualTo("passage");
        assertThat(first.set()).isEqualTo("default");
        assertThat(first.split()).isEqualTo("dev");
        assertThat(first.title()).isNull();
        assertThat(first.tags()).containsExactly("guarantee");
        assertThat(first.text()).isEqualTo("Our fund offers guaranteed returns of 5% every year.\n");
        assertThat(first.expect()).containsOnlyKeys("no-guaranteed-returns", "no-unqualified-superlatives");
        Expectation e = first.expect().get("no-guaranteed-returns");
        assertThat(e.violation()).isTrue();
        assertThat(e.rulesDecidable()).isTrue();
        assertThat(e.spans()).containsExactly("guaranteed returns");
        assertThat(items.get(2).article()).isTrue();
        assertThat(items.get(2).title()).isEqualTo("A calm savings article");
    }

    @Test
    void aMissingFolderIsAnEmptyCorpus(@TempDir Path dir) throws Exception {
        assertThat(Corpus.load(dir.resolve("absent"))).isEmpty();
        assertThat(Corpus.load(dir)).isEmpty();
    }

    @Test
    void duplicateIdsAndBadLabelsAreRejectedWithTheirPlace(@TempDir Path dir) throws Exception {
        String item = "items:\n  - id: a\n    text: x\n    expect:\n      g: {verdict: violation}\n";
        Files.writeString(dir.resolve("one.yaml"), item);
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/two.yaml"), item);
        assertThatThrownBy(() -> Corpus.load(dir)).hasMessageContaining("Item id a appears in");

        Path bad = dir.resolve("bad");
        Files.createDirectories(bad);
        Files.writeString(bad.resolve("bad.yaml"), "items:\n  - id: b\n    text: x\n    expect:\n      g: {verdict: maybe}\n");
        assertThatThrownBy(() -> Corpus.load(bad)).hasMessageContaining("(b)").hasMessageContaining("maybe");
    }

    @Test
    void theSubmissionCarriesTheItemWithTheIdAsTitleWhenThereIsNoneAndTextAsPlain() throws Exception {
        CorpusItem first = Corpus.load(FIXTURE).get(0);
        var body = HubApi.submission(first);
        assertThat(new ObjectMapper().writeValueAsString(body)).isEqualTo(
                "{\"article\":{\"title\":\"fx-guarantee-001\",\"text\":\"Our fund offers guaranteed returns of 5% "
                        + "every year.\\n\",\"format\":\"plain\",\"language\":\"en\"},\"guidelineSet\":\"default\","
                        + "\"options\":{\"gtcValidation\":false},\"externalRef\":\"fx-guarantee-001\"}");
    }
}
