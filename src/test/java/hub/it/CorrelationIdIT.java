package hub.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The X-Correlation-ID of a submission reaches the job row, the worker's LLM calls and the report. */
class CorrelationIdIT extends LocalServicesIT {

    @Test
    void theCorrelationIdOfASubmissionTravelsToTheLlmAndIntoTheReport() {
        String correlationId = "it-corr-" + UUID.randomUUID();
        String text = "A fee applies to article " + correlationId + ".";
        HttpResponse<String> accepted = hub.post("/api/v1/jobs", "application/json",
                HttpRequest.BodyPublishers.ofString(submission("it-llm", text)), "X-Correlation-ID", correlationId);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.headers().firstValue("X-Correlation-ID")).contains(correlationId);
        String jobId = HubClient.json(accepted).path("jobId").asText();

        JsonNode report = hub.awaitReport(jobId);

        assertThat(report.path("correlationId").asText()).isEqualTo(correlationId);
        var calls = LlmStub.server().getAllServeEvents().stream().map(e -> e.getRequest())
                .filter(r -> r.getBodyAsString().contains(correlationId)).toList();
        assertThat(calls).as("one call per guideline: no rule matches, so each goes to the model").hasSize(3);
        assertThat(calls).allSatisfy(r -> assertThat(r.getHeader("X-Correlation-ID")).isEqualTo(correlationId));
    }

    @Test
    void batchJobsCarryTheCorrelationIdOfTheirRequest() {
        String correlationId = "it-batch-corr-" + UUID.randomUUID();
        String batch = BatchIntakeIT.batch("corr-" + UUID.randomUUID(), 2, "it-rules");
        HttpResponse<String> accepted = hub.post("/api/v1/batches", "application/json",
                HttpRequest.BodyPublishers.ofString(batch), "X-Correlation-ID", correlationId);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = HubClient.json(accepted).path("id").asText();

        assertThat(jdbc.queryForList("SELECT correlation_id FROM jobs WHERE batch_id = CAST(? AS uuid)", String.class, id))
                .hasSize(2).containsOnly(correlationId);
        String jobId = jdbc.queryForObject("SELECT CAST(id AS text) FROM jobs WHERE batch_id = CAST(? AS uuid) LIMIT 1",
                String.class, id);
        assertThat(hub.awaitReport(jobId).path("correlationId").asText()).isEqualTo(correlationId);
    }
}
