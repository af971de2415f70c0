package hub.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers a rule-candidate review ({@link LlmStub#candidateDecisions}) from the request itself: one decision per
 * {@code <candidate number="N">} in its user message, OVERRULE when the candidate's block contains one of the texts
 * the stub names (transformer parameter {@code overrule}), else CONFIRM.
 */
public final class CandidateDecisionsTransformer extends StubTransformer {

    static final String NAME = "candidate-decisions";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CANDIDATE =
            Pattern.compile("<candidate number=\"(\\d+)\">(.*?)</candidate>", Pattern.DOTALL);

    public CandidateDecisionsTransformer() {
        super(NAME);
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        ResponseDefinition stubbed = event.getResponseDefinition();
        try {
            JsonNode messages = JSON.readTree(event.getRequest().getBodyAsString()).path("messages");
            @SuppressWarnings("unchecked")
            List<String> overrule = (List<String>) stubbed.getTransformerParameters().getOrDefault("overrule", List.of());
            String content = answer(messages.path(1).path("content").asText(), overrule);
            return ResponseDefinitionBuilder.like(stubbed).but().withBody(LlmStub.completionBody(content)).build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The review answer to a user message: every candidate confirmed unless its block contains an overrule text. */
    public static String answer(String userMessage, List<String> overrule) throws Exception {
        List<Map<String, Object>> decisions = new ArrayList<>();
        Matcher m = CANDIDATE.matcher(userMessage);
        while (m.find()) {
            String block = m.group(2);
            boolean overruled = overrule.stream().anyMatch(block::contains);
            decisions.add(Map.of("candidate", Integer.parseInt(m.group(1)),
                    "decision", overruled ? "OVERRULE" : "CONFIRM",
                    "reason", overruled ? "Not a violation in this passage." : "The passage makes the claim."));
        }
        return JSON.writeValueAsString(Map.of("decisions", decisions));
    }
}
