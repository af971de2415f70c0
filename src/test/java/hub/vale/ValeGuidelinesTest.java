package hub.vale;

import static org.assertj.core.api.Assertions.assertThat;

import hub.guideline.Guideline;
import hub.guideline.ValeSettings;
import hub.guideline.registry.ValeGuidelines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A guideline set's vale section: the built-in Vale style and a vocabulary become guidelines. */
class ValeGuidelinesTest {

    @Test
    void theBuiltInStyleAndAVocabularyBecomeGuidelines(@TempDir Path dir) throws IOException {
        Path vocab = Files.createDirectories(dir.resolve("styles/config/vocabularies/Hub"));
        Files.writeString(vocab.resolve("accept.txt"), "JavaScript\n");
        Files.writeString(vocab.resolve("reject.txt"), "utilize\n");
        ValeSettings settings = new ValeSettings("styles", List.of("Vale"), Map.of("Vale.Spelling", false),
                "suggestion", List.of("Hub"));
        List<Guideline> guidelines = ValeGuidelines.expand(settings, dir, "test-set");
        assertThat(guidelines).extracting(Guideline::id)
                .containsExactly("Vale.Avoid", "Vale.Repetition", "Vale.Terms");
        ValeSettings without = new ValeSettings("styles", List.of("Vale"), Map.of("Vale.Spelling", false),
                "suggestion");
        assertThat(ValeGuidelines.expand(without, dir, "test-set")).extracting(Guideline::id)
                .containsExactly("Vale.Repetition");
    }
}
