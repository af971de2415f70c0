package hub.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import hub.llm.UnitBatchRequestFactory;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers a batch request ({@link LlmStub#batchVerdicts}) from the request itself: the guideline ids in its system
 * message, the numbered passages in its user message, and the violations the stub names (transformer parameter
 * {@code violations}).
 */
public final class BatchVerdictsTransformer extends StubTransformer {

    static final String NAME = "batch-verdicts";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ID = Pattern.compile("- id: (\\S+)\\n");
    private static final Pattern PASSAGE = Pattern.compile("(?m)^\\[(\\d+)] (.*)$");

    /** A violation of {@code guidelineId} by every passage that contains {@code quote}. */
    public record Violation(String guidelineId, String quote, String verdict, String message, String suggestion) {}

    public BatchVerdictsTransformer() {
        super(NAME);
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        ResponseDefinition stubbed = event.getResponseDefinition();
        try {
            JsonNode messages = JSON.readTree(event.getRequest().getBodyAsString()).path("messages");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> violations = (List<Map<String, Object>>) stubbed.getTransformerParameters()
                    .getOrDefault("violations", List.of());
            String content = JSON.writeValueAsString(answer(messages.path(0).path("content").asText(),
                    messages.path(1).path("content").asText(), violations));
            return ResponseDefinitionBuilder.like(stubbed).but().withBody(LlmStub.completionBody(content)).build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The batch answer to a request with this system and user message: every passage applicable, these violations;
     * every passage satisfies every requirement ({@code somewhere} guideline), as a PASS to a single-unit call would.
     */
    public static ObjectNode answer(String system, String user, List<Map<String, Object>> violations) {
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode guidelines = answer.putArray("guidelines");
        int requirementsFrom = requirementsFrom(system);
        Matcher id = ID.matcher(system);
        while (id.find()) {
            if (id.start() > requirementsFrom) {
                ObjectNode requirement = answer.withArray("requirements").addObject().put("id", id.group(1));
                ArrayNode satisfiedBy = requirement.putArray("satisfiedBy");
                Matcher passage = PASSAGE.matcher(user);
                while (passage.find()) {
                    satisfiedBy.add(Integer.parseInt(passage.group(1)));
                }
                requirement.put("rationale", "The passages meet the requirement.");
                continue;
            }
            ObjectNode entry = guidelines.addObject().put("id", id.group(1));
            ArrayNode applicable = entry.putArray("applicable");
            ArrayNode found = JSON.createArrayNode();
            Matcher passage = PASSAGE.matcher(user);
            while (passage.find()) {
                int number = Integer.parseInt(passage.group(1));
                applicable.add(number);
                for (Map<String, Object> v : violations) {
                    if (v.get("guidelineId").equals(id.group(1)) && passage.group(2).contains((String) v.get("quote"))) {
                        found.addObject().put("passage", number).put("verdict", (String) v.get("verdict"))
                                .put("confidence", 0.9).put("quote", (String) v.get("quote"))
                                .put("message", (String) v.get("message"))
                                .put("suggestion", (String) v.get("suggestion"));
                    }
                }
            }
            entry.put("rationale", found.isEmpty() ? "Nothing in these passages violates the guideline."
                    : "A passage violates the guideline.");
            entry.set("violations", found);
        }
        return answer;
    }

    /** Where the requirements ({@code somewhere} guidelines) of a batch's system message start; past its end if none. */
    public static int requirementsFrom(String system) {
        int heading = system.indexOf(UnitBatchRequestFactory.REQUIREMENTS_HEADING);
        return heading < 0 ? Integer.MAX_VALUE : heading;
    }
}
