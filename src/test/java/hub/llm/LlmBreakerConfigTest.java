package hub.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The LLM's circuit breaker opens on failures, not on a backlog: a call inside it lasts up to its retries' worst case
 * (every attempt timing out, the longest backoff between them) plus the wait for a pooled connection, and such a call
 * that ends in an answer must not count as slow. Below that threshold, a backlog of healthy but slow answers opened
 * the breaker in the load benchmark and completed the queued jobs with ERROR verdicts.
 */
class LlmBreakerConfigTest {

    @Test
    void aCallThatAnswersWithinItsRetriesWorstCaseIsNotSlow() throws Exception {
        JsonNode yaml = new YAMLMapper().readTree(Path.of("src", "main", "resources", "application.yaml").toFile());
        JsonNode llm = yaml.at("/hub/llm");
        long attempts = llm.at("/retry/max-attempts").asLong();
        long worstCaseMs = attempts * llm.path("timeout-ms").asLong()
                + (attempts - 1) * llm.at("/retry/max-delay-ms").asLong();
        JsonNode breaker = yaml.at("/camel/resilience4j/configurations/llm");

        assertThat(worstCaseMs).isEqualTo(150_000);
        assertThat(breaker.path("slow-call-duration-threshold").asLong() * 1000)
                .as("slow-call-duration-threshold (seconds) against the retries' worst case (ms)")
                .isGreaterThanOrEqualTo(4 * worstCaseMs);
    }

    @Test
    void aCallWaitsForAPooledConnectionAsLongAsItsJobMayRun() throws Exception {
        JsonNode yaml = new YAMLMapper().readTree(Path.of("src", "main", "resources", "application.yaml").toFile());

        assertThat(yaml.at("/camel/component/http/connection-request-timeout").asLong())
                .as("connection-request-timeout (ms) against hub.worker.max-run-seconds")
                .isGreaterThanOrEqualTo(yaml.at("/hub/worker/max-run-seconds").asLong() * 1000);
    }
}
