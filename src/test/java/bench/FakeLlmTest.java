package bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import hub.guideline.Checks;
import hub.guideline.Guideline;
import hub.guideline.GuidelineScope;
import hub.report.model.Severity;
import hub.llm.ChatRequestFactory;
import hub.llm.ParsedBatch;
import hub.llm.UnitBatchParser;
import hub.llm.UnitBatchRequestFactory;
import hub.llm.VerdictParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmarks' fake LLM answers the hub's own requests, single and batched, in a form the hub accepts. */
class FakeLlmTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] VERDICT = FakeLlm.BODY.getBytes(StandardCharsets.UTF_8);
    private static final List<String> PASSAGES = List.of("First paragraph.", "Second paragraph.");

    @Test
    void aBatchOfPassagesGetsAValidAnswerWithEveryGuidelineAndNoViolation() throws Exception {
        List<Guideline> guidelines = List.of(guideline("claims"), guideline("tone"));
        String request = new UnitBatchRequestFactory(JSON, "claude", 4000, 0).request(guidelines, PASSAGES, "en");

        String answer = new String(FakeLlm.batchAnswer(request.getBytes(StandardCharsets.UTF_8), VERDICT),
                StandardCharsets.UTF_8);
        ParsedBatch parsed = new UnitBatchParser(JSON).parse(answer, List.of("claims", "tone"), PASSAGES);

        assertThat(parsed.valid()).as(parsed.problem()).isTrue();
        assertThat(JSON.readTree(answer).path("usage").path("prompt_tokens").asInt()).isEqualTo(1200);
    }

    @Test
    void aSingleGuidelineRequestGetsTheVerdict() throws Exception {
        String request = new ChatRequestFactory(JSON, "claude", 800, 0)
                .firstRequest(guideline("claims"), "Title", "Text.", "en");

        byte[] answer = FakeLlm.batchAnswer(request.getBytes(StandardCharsets.UTF_8), VERDICT);

        assertThat(answer).isEqualTo(VERDICT);
        assertThat(new VerdictParser(JSON).parse(new String(answer, StandardCharsets.UTF_8)).valid()).isTrue();
    }

    private static Guideline guideline(String id) {
        return new Guideline(id, id + " title", "regulatory", Severity.WARNING, 1, "Judge " + id + ".", Checks.NONE,
                GuidelineScope.UNIT, "1");
    }
}
