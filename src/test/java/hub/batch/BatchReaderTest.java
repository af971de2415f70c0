package hub.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import hub.contract.MessageContract;
import hub.guideline.registry.GuidelineSetRegistry;
import hub.job.SubmissionReader;
import hub.problem.ProblemException;
import hub.rules.RuleEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import hub.callback.CallbackAllowList;
import hub.callback.CallbackTargets;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

class BatchReaderTest {

    private static BatchReader reader;

    @BeforeAll
    static void create() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        SubmissionReader submissions = new SubmissionReader(mapper,
                new GuidelineSetRegistry(new RuleEngine(), ""), 50);
        reader = new BatchReader(mapper, submissions, 3, targets(false, List.of()), replyQueues(), "default", new MessageContract());
    }

    /** Names resolve without DNS: crm.example.com is public, localhost and internal.example.com are not. */
    static CallbackTargets targets(boolean allowLoopbackHttp, List<String> allowedHosts) {
        return new CallbackTargets(new CallbackAllowList(allowedHosts), allowLoopbackHttp, host -> switch (host) {
            case "crm.example.com" -> new InetAddress[] {InetAddress.getByName("203.0.113.10")};
            case "localhost" -> new InetAddress[] {InetAddress.getByName("127.0.0.1")};
            case "internal.example.com" -> new InetAddress[] {InetAddress.getByName("203.0.113.11"),
                InetAddress.getByName("10.1.2.3")};
            default -> {
                if (host.matches("[0-9.]+") || host.contains(":")) {
                    yield new InetAddress[] {InetAddress.getByName(host)};
                }
                throw new UnknownHostException(host);
            }
        });
    }

    static ReplyQueues replyQueues() {
        return new ReplyQueues(List.of("crm.*", "it-replies"), List.of("cms-results"), List.of("extra-own"),
                "seda:jobs?size=10", "seda:jobs?size=10&concurrentConsumers=2", "seda:batches?size=1",
                "seda:batches", "seda:batches", "seda:mlflow-runs?size=1", "seda:mlflow-runs");
    }

    private static String item(String ref, String text) {
        return "{\"externalRef\": \"" + ref + "\", \"article\": {\"text\": \"" + text + "\"}}";
    }

    @Test
    void derivesTheSameIdsFromTheSameBatchAndChecksEveryItem() throws Exception {
        String body = "{\"batchId\": \"b-1\", \"submitter\": \"crm\", \"replyTo\": \"crm.done\", \"items\": ["
                + item("a", "First article.") + "," + item("b", "Second article.") + "]}";

        ValidatedBatch batch = reader.validate(body, "m-1", "queue", null);
        ValidatedBatch again = reader.validate(body, "m-2", "queue", null);

        assertThat(batch.id()).isEqualTo(BatchIds.batchId("b-1")).isEqualTo(again.id());
        assertThat(batch.jobIds()).containsExactly(BatchIds.jobId("b-1", "a"), BatchIds.jobId("b-1", "b"))
                .isEqualTo(again.jobIds()).doesNotHaveDuplicates();
        assertThat(BatchIds.jobId("b-2", "a")).isNotEqualTo(BatchIds.jobId("b-1", "a"));
        assertThat(batch.jobs().get(0).item().guidelineSetId()).isEqualTo("default");
        assertThat(batch.replyTo()).isEqualTo("crm.done");
    }

    @Test
    void rejectsWithTheReasonTheDeadLetterStoreRecords() {
        assertReason("{\"batchId\": ", 400, "InvalidJson", "not valid JSON");
        assertReason("{\"batchId\": \"b\", \"submitter\": \"s\", \"items\": [" + item("a", "x") + "," + item("b", "x")
                + "," + item("c", "x") + "," + item("d", "x") + "]}", 413, "TooManyItems", "4 items; the limit is 3");
        assertReason("{\"batchId\": \"b\", \"submitter\": \"s\", \"items\": [" + item("a", "x".repeat(51)) + "]}",
                413, "SchemaViolation", "items[0]: article.text has 51 characters");
        assertReason("{\"batchId\": \"b\", \"submitter\": \"s\", \"items\": [{\"article\": {\"text\": \"x\"}}]}",
                400, "SchemaViolation", "items[0]: externalRef is required.");
        assertReason("{\"submitter\": \"s\", \"items\": [" + item("a", "x") + "]}", 400, "SchemaViolation",
                "batchId is required");
        assertReason("{\"batchId\": \"b\", \"submitter\": \"s\", \"items\": [{\"externalRef\": \"a\", "
                + "\"guidelineSet\": \"nope\", \"article\": {\"text\": \"x\"}}]}", 422, "SchemaViolation",
                "items[0]: Guideline set 'nope' does not exist");
        assertReason("{\"batchId\": \"b\", \"submitter\": \"s\", \"replyTo\": \"seda:x?y=1\", \"items\": ["
                + item("a", "x") + "]}", 400, "SchemaViolation", "must be a queue or topic name");
        for (String bad : new String[] {"ftp://example.com/x",
                "https:///no-host", "https://user:pw@example.com/hook", "https://example.com/a b",
                "https://example.com/hook#frag", "HTTPS://example.com/hook"}) {
            assertReason("{\"batchId\": \"b\", \"submitter\": \"s\", \"replyTo\": \"" + bad + "\", \"items\": ["
                    + item("a", "x") + "]}", 400, "SchemaViolation", "must be a queue or topic name");
        }
        for (String http : new String[] {"http://crm.example.com/hook", "http://127.0.0.1:8080/hook"}) {
            assertReason("{\"batchId\": \"b\", \"submitter\": \"s\", \"replyTo\": \"" + http + "\", \"items\": ["
                    + item("a", "x") + "]}", 400, "SchemaViolation", "replyTo is not a callback the hub may call");
        }
        assertReason("{\"batchId\": \"b\", \"submitter\": \"s\", \"replyTo\": \"pipe:x\", \"items\": ["
                + item("a", "x") + "]}", 400, "SchemaViolation", "'topic:' in front for a topic");
    }

    @Test
    void overLongFieldsAre413NamingTheFieldAndControlCharactersAre400() {
        String items = "\"items\": [" + item("a", "x") + "]}";
        assertReason("{\"batchId\": \"" + "b".repeat(201) + "\", \"submitter\": \"s\", " + items, 413,
                "SchemaViolation", "batchId has 201 characters; the limit is 200");
        assertReason("{\"batchId\": \"b\", \"submitter\": \"" + "s".repeat(201) + "\", " + items, 413,
                "SchemaViolation", "submitter has 201 characters; the limit is 200");
        assertReason("{\"batchId\": \"b\", \"submitter\": \"s\", \"replyTo\": \"" + "q".repeat(261) + "\", " + items,
                413, "SchemaViolation", "replyTo has 261 characters; the limit is 260");
        assertReason("{\"batchId\": \"b\", \"submitter\": \"s\", \"replyTo\": \"https://example.com/"
                + "p".repeat(2000) + "\", " + items, 413, "SchemaViolation", "replyTo has 2020 characters; the limit is 2000");
        assertReason("{\"batchId\": \"b\", \"submitter\": \"s\", \"items\": [{\"externalRef\": \"" + "r".repeat(201)
                + "\", \"article\": {\"text\": \"x\"}}]}", 413, "SchemaViolation", "items[0]: externalRef has 201 characters");
        assertReason("{\"batchId\": \"b\\u0000\", \"submitter\": \"s\", " + items, 400, "SchemaViolation",
                "batchId contains the control character U+0000 at offset 1");
        assertReason("{\"batchId\": \"b\", \"submitter\": \"s\", \"items\": [" + item("a", "ok\\u0007") + "]}", 400,
                "SchemaViolation", "items[0]: article.text contains the control character U+0007 at offset 2");
    }

    @Test
    void acceptsHttpsCallbacksAndLoopbackHttpOnlyWhenAllowed() throws Exception {
        String https = "https://crm.example.com/hooks/batches?tenant=7";
        String body = "{\"batchId\": \"b\", \"submitter\": \"s\", \"replyTo\": \"" + https + "\", \"items\": ["
                + item("a", "x") + "]}";
        assertThat(reader.validate(body, "m", "queue", null).replyTo()).isEqualTo(https);

        ObjectMapper mapper = new ObjectMapper();
        BatchReader testing = new BatchReader(mapper, new SubmissionReader(mapper,
                new GuidelineSetRegistry(new RuleEngine(), ""), 50), 3, targets(true, List.of("127.0.0.1", "localhost")),
                replyQueues(), "default", new MessageContract());
        testing.checkReplyTo("http://127.0.0.1:8089/hook");
        testing.checkReplyTo("http://localhost/hook");
        assertThatThrownBy(() -> testing.checkReplyTo("http://crm.example.com/hook")).isInstanceOf(ProblemException.class);
    }

    @Test
    void aSingleArticleMessageIsABatchOfOneKeyedByItsMessageId() throws Exception {
        String body = "{\"submitter\": \"cms\", \"replyTo\": \"topic:cms-results\", \"guidelineSet\": \"default\", "
                + "\"externalRef\": \"article-7\", \"article\": {\"text\": \"One article.\"}}";

        ValidatedBatch single = reader.validate(body, "sb-42", "queue", null);

        assertThat(single.batchId()).isEqualTo("message:sb-42");
        assertThat(single.id()).isEqualTo(BatchIds.batchId("message:sb-42"));
        assertThat(single.jobIds()).containsExactly(BatchIds.jobId("message:sb-42", "article-7"));
        assertThat(single.submitter()).isEqualTo("cms");
        assertThat(single.replyTo()).isEqualTo("topic:cms-results");
        assertThat(single.jobs().get(0).item().guidelineSetId()).isEqualTo("default");
        assertThat(reader.validate(body, "sb-42", "queue", null).jobIds()).isEqualTo(single.jobIds());
        assertThat(reader.validate(body, "sb-43", "queue", null).jobIds()).isNotEqualTo(single.jobIds());

        ValidatedBatch withoutId = reader.validate(body, null, "queue", null);
        assertThat(withoutId.batchId()).startsWith("message:sha256:");
        assertThat(reader.validate(body, null, "queue", null).id()).as("keyed by content").isEqualTo(withoutId.id());
    }

    @Test
    void aSingleArticleMessageNeedsItsExternalRefAndOnlyTheQueueTakesOne() {
        assertReason("{\"submitter\": \"cms\", \"article\": {\"text\": \"x\"}}", 400, "SchemaViolation",
                "externalRef is required.");
        assertReason("{\"submitter\": \"cms\", \"externalRef\": \"a\", \"article\": {\"text\": \"x\"}, \"colour\": 1}",
                400, "SchemaViolation", "Unknown field 'colour'");
        assertThatThrownBy(() -> reader.validate("{\"submitter\": \"cms\", \"externalRef\": \"a\", "
                + "\"article\": {\"text\": \"x\"}}", "m", "rest", new hub.security.Caller("cms", "default", false)))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.detail()).contains("Unknown field"));
    }

    private static void assertReason(String body, int status, String reason, String detail) {
        assertThatThrownBy(() -> reader.validate(body, "m", "queue", null))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(status);
                    assertThat(DeadLetters.reason(p)).isEqualTo(reason);
                    assertThat(p.detail()).contains(detail);
                });
    }
}
