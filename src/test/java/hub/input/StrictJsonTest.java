package hub.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import hub.problem.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 19, defect 6: nothing is silently altered: control characters anywhere and duplicate keys are refused. */
class StrictJsonTest {

    record Item(String guidelineSet, String title) {
    }

    record Batch(String submitter, List<Item> items) {
    }

    private final StrictJson json = new StrictJson(new ObjectMapper());

    @Test
    void aNulAtTheEndOfAFieldIsRefusedNotStripped() {
        assertThatThrownBy(() -> json.parse("{\"guidelineSet\": \"default\\u0000\"}", Item.class, "guidelineSet"))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.type()).isEqualTo("invalid-character");
                    assertThat(p.extensions()).containsEntry("field", "guidelineSet").containsEntry("offset", 7);
                });
        assertThatThrownBy(() -> json.parse("{\"submitter\": \"\\u0000crm\", \"items\": []}", Batch.class, "x"))
                .isInstanceOfSatisfying(ProblemException.class, p ->
                        assertThat(p.extensions()).containsEntry("field", "submitter"));
    }

    @Test
    void aControlCharacterInABatchItemNamesTheItem() {
        assertThatThrownBy(() -> json.parse("{\"items\": [{}, {\"title\": \"a\\u0007\"}]}", Batch.class, "x"))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.detail()).startsWith("items[1]: title contains the control character U+0007");
                    assertThat(p.extensions()).containsEntry("item", 1).containsEntry("field", "title");
                });
    }

    @Test
    void aKeyWithAControlCharacterIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> json.parse("{\"title\\u0000\": \"a\"}", Item.class, "x"))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.detail()).startsWith("a key of the body"));
    }

    @Test
    void aDuplicateKeyIsRefusedNotLastOneWins() {
        assertThatThrownBy(() -> json.parse("{\"title\": \"a\", \"title\": \"b\"}", Item.class, "title"))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.type()).isEqualTo("duplicate-key");
                    assertThat(p.extensions()).containsEntry("field", "title");
                });
    }

    @Test
    void aNumberWhereAStringBelongsAndTrailingTextAreRefused() {
        assertThatThrownBy(() -> json.parse("{\"title\": 5}", Item.class, "title")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> json.parse("{\"title\": \"a\"} x", Item.class, "title"))
                .isInstanceOf(ProblemException.class);
        assertThat(json.parse("{\"title\": \"tab\\tand newline\\n\"}", Item.class, "title").title()).contains("\t");
    }

    @Test
    void onlyJsonMediaTypesPassAndTheHeaderIsNotRepeated() {
        StrictJson.requireJson("application/json; charset=utf-8");
        StrictJson.requireJson("application/merge-patch+json");
        for (String type : new String[] {null, "text/plain", "multipart/form-data; boundary=secret-boundary"}) {
            assertThatThrownBy(() -> StrictJson.requireJson(type)).isInstanceOfSatisfying(ProblemException.class, p -> {
                assertThat(p.status()).isEqualTo(415);
                assertThat(p.detail()).doesNotContain("secret-boundary").doesNotContain("text/plain");
            });
        }
    }
}
