package hub.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;

/**
 * Checks the messages producers put on the batches queue against their payload schemas in
 * asyncapi/compliance-hub.yaml, before the batch reader binds them: a batch ({@code BatchSubmission}) or a single
 * article ({@code ArticleSubmission}). A violation is the same problem as over REST ({@link SchemaCheck}); the queue
 * consumer dead-letters the message with it. The same batch sent to {@code POST /api/v1/batches} is checked against
 * the OpenAPI document instead ({@link RequestContract}).
 */
@Component("messageContract")
public class MessageContract {

    public static final String RESOURCE = "static/asyncapi/compliance-hub.yaml";

    private final SchemaCheck batch;
    private final SchemaCheck article;

    public MessageContract() {
        JsonNode document = SchemaCheck.document(RESOURCE);
        this.batch = new SchemaCheck(RESOURCE, document, "/components/schemas/BatchSubmission");
        this.article = new SchemaCheck(RESOURCE, document, "/components/schemas/ArticleSubmission");
    }

    public void requireBatch(JsonNode message) {
        batch.require(message);
    }

    public void requireArticle(JsonNode message) {
        article.require(message);
    }
}
