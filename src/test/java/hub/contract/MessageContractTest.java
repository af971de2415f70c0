package hub.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hub.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** Queue messages checked against the payload schemas of asyncapi/compliance-hub.yaml. */
class MessageContractTest {

    private static final MessageContract CONTRACT = new MessageContract();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void passesTheDocumentsOwnExamples() throws Exception {
        JsonNode document = SchemaCheck.document(MessageContract.RESOURCE);
        for (JsonNode example : document.at("/components/messages/BatchSubmission/examples")) {
            CONTRACT.requireBatch(example.path("payload"));
        }
        for (JsonNode example : document.at("/components/messages/ArticleSubmission/examples")) {
            CONTRACT.requireArticle(example.path("payload"));
        }
    }

    @Test
    void refusesWhatThePayloadSchemaRefuses() {
        assertThatThrownBy(() -> CONTRACT.requireBatch(json("{\"batchId\": \"b\", \"submitter\": \"s\", \"itemz\": []}")))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.detail())
                        .isIn("Unknown field 'itemz'; the contract does not allow it here.", "items is required."));
        assertThatThrownBy(() -> CONTRACT.requireBatch(json("{\"batchId\": \"b\", \"submitter\": \"s\", \"items\": ["
                + "{\"externalRef\": \"a\", \"article\": {\"text\": \"x\"}, \"colour\": 1}]}")))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.extensions()).containsEntry("pointer", "/items/0/colour").containsEntry("item", 0);
                    assertThat(p.detail()).isEqualTo("items[0]: Unknown field 'colour'; the contract does not allow it here.");
                });
        assertThatThrownBy(() -> CONTRACT.requireArticle(json("{\"submitter\": \"cms\", \"article\": {\"text\": \"x\"}}")))
                .isInstanceOfSatisfying(ProblemException.class,
                        p -> assertThat(p.detail()).isEqualTo("externalRef is required."));
    }

    @Test
    void leavesTheConfigurableItemLimitToTheBatchReader() throws Exception {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 1001; i++) {
            items.append(i == 0 ? "" : ",").append("{\"externalRef\": \"r").append(i)
                    .append("\", \"article\": {\"text\": \"x\"}}");
        }
        CONTRACT.requireBatch(json("{\"batchId\": \"b\", \"submitter\": \"s\", \"items\": [" + items + "]}"));
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
