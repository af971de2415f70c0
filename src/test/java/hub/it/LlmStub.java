package hub.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.Map;

/**
 * A fake OpenAI-compatible chat-completions server on loopback (WireMock), shared by the integration tests of one
 * JVM. Requests are told apart by the guideline id the hub puts in the system message; a batch request (unit-scope
 * guidelines, numbered passages) by {@link #batchChat()}, answered from the request by {@link #batchVerdicts}.
 */
public final class LlmStub {

    public static final String PATH = "/openai/deployments/claude/chat/completions?api-version=2024-10-21";
    /** What only the batch contract says (with or without unit-scope guidelines), as it appears in a request body. */
    static final String BATCH_MARKER = "one per line after its number in brackets";
    /** What only the rule-candidate review says, as it appears in a request body. */
    public static final String REVIEW_MARKER = "each flagged place is a candidate";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static WireMockServer server;

    private LlmStub() {
    }

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                    .extensions(new BatchVerdictsTransformer(), new CandidateDecisionsTransformer(),
                            new HeldAnswerTransformer()));
            server.start();
        }
        return server;
    }

    public static String url() {
        return "http://127.0.0.1:" + server().port() + PATH;
    }

    /** Matches the chat requests for one guideline. */
    public static MappingBuilder forGuideline(String guidelineId) {
        return post(urlEqualTo(PATH)).withRequestBody(containing("- id: " + guidelineId + "\\n"));
    }

    /**
     * How many times a job of the {@code it-llm} set with this article text was evaluated since the last reset: each
     * evaluation asks the model once about its guideline {@code llm-balance}.
     */
    public static int evaluations(String articleText) {
        return server().countRequestsMatching(postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(containing("- id: llm-balance\\n")).withRequestBody(containing(articleText)).build())
                .getCount();
    }

    public static MappingBuilder anyChat() {
        return post(urlEqualTo(PATH));
    }

    /** Matches the batch requests (several unit-scope guidelines over numbered passages). */
    public static MappingBuilder batchChat() {
        return post(urlEqualTo(PATH)).withRequestBody(containing(BATCH_MARKER));
    }

    /** Matches the rule-candidate reviews. */
    public static MappingBuilder reviewChat() {
        return post(urlEqualTo(PATH)).withRequestBody(containing(REVIEW_MARKER));
    }

    /** A valid review of whatever candidates it serves: each confirmed, unless its passage contains an overrule text. */
    public static ResponseDefinitionBuilder candidateDecisions(String... overrule) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withTransformers(CandidateDecisionsTransformer.NAME)
                .withTransformerParameter("overrule", List.of(overrule));
    }

    /**
     * A valid answer to whatever batch request it serves: every guideline asked concerns every passage; a passage
     * containing a violation's quote violates that violation's guideline, every other pair passes.
     */
    public static ResponseDefinitionBuilder batchVerdicts(BatchVerdictsTransformer.Violation... violations) {
        List<Map<String, Object>> listed = java.util.Arrays.stream(violations).map(v -> {
            Map<String, Object> m = new java.util.HashMap<>(Map.of("guidelineId", v.guidelineId(), "quote", v.quote(),
                    "verdict", v.verdict(), "message", v.message()));
            m.put("suggestion", v.suggestion());
            return m;
        }).toList();
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withTransformers(BatchVerdictsTransformer.NAME).withTransformerParameter("violations", listed);
    }

    public static ResponseDefinitionBuilder verdict(String verdict, String rationale, List<Map<String, String>> findings) {
        try {
            String content = JSON.writeValueAsString(Map.of("verdict", verdict, "confidence", 0.9,
                    "rationale", rationale, "findings", findings));
            return completion(content);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** This answer, held until {@link #releaseHeld()} (at most {@link HeldAnswerTransformer#MAX_HOLD_SECONDS}). */
    public static ResponseDefinitionBuilder held(ResponseDefinitionBuilder answer) {
        HeldAnswerTransformer.hold();
        return answer.withTransformers(HeldAnswerTransformer.NAME);
    }

    public static void releaseHeld() {
        HeldAnswerTransformer.release();
    }

    /** How many held answers are waiting for {@link #releaseHeld()} right now. */
    public static int heldAnswers() {
        return HeldAnswerTransformer.waiting();
    }

    public static ResponseDefinitionBuilder completion(String content) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(completionBody(content));
    }

    /** A chat-completions response body whose answer is {@code content}. */
    static String completionBody(String content) {
        try {
            Map<String, Object> body = Map.of(
                    "id", "chatcmpl-test", "object", "chat.completion", "model", "claude-test",
                    "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                            "message", Map.of("role", "assistant", "content", content))),
                    "usage", Map.of("prompt_tokens", 120, "completion_tokens", 30, "total_tokens", 150));
            return JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<LoggedRequest> requestsFor(String guidelineId) {
        return server().findAll(postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(containing("- id: " + guidelineId + "\\n")));
    }

    /** The role → content of each message of a logged chat request. */
    public static List<JsonNode> messages(LoggedRequest request) {
        try {
            return List.copyOf(JSON.readTree(request.getBodyAsString()).path("messages").findParents("role"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
