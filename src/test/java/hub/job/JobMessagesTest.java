package hub.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class JobMessagesTest {

    private final JobMessages messages = new JobMessages(new ObjectMapper());

    @Test
    void aMessageCarriesOnlyTheJobIdAndReadsBack() {
        String id = UUID.randomUUID().toString();
        String message = messages.toMessage(id, null);
        assertThat(message).isEqualTo("{\"jobId\":\"" + id + "\"}");
        assertThat(messages.jobId(message)).isEqualTo(id);
    }

    @Test
    void aMessageCarriesTheCorrelationIdWhenTheJobHasOne() {
        String id = UUID.randomUUID().toString();
        String message = messages.toMessage(id, "corr-42");
        assertThat(message).isEqualTo("{\"jobId\":\"" + id + "\",\"correlationId\":\"corr-42\"}");
        assertThat(messages.jobId(message)).isEqualTo(id);
    }

    @Test
    void serviceBusBinaryBodiesAreRead() {
        String id = UUID.randomUUID().toString();
        assertThat(messages.jobId(messages.toMessage(id, null).getBytes(StandardCharsets.UTF_8))).isEqualTo(id);
    }

    @Test
    void uuidsAreNormalised() {
        assertThat(messages.jobId("{\"jobId\": \"3F2504E0-4F89-11D3-9A0C-0305E82C3301\", \"extra\": 1}"))
                .isEqualTo("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void emptyMessagesArePoison(String body) {
        assertThatThrownBy(() -> messages.jobId(body)).isInstanceOf(JobMessages.PoisonMessageException.class)
                .hasMessage("empty job message");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "not json                     | not JSON",
        "{\"id\": \"x\"}              | no textual jobId",
        "{\"jobId\": 42}              | no textual jobId",
        "{\"jobId\": \"not-a-uuid\"}  | 'not-a-uuid' is not a UUID",
        "[1, 2]                       | no textual jobId",
    })
    void malformedMessagesArePoisonWithAReason(String body, String reason) {
        assertThatThrownBy(() -> messages.jobId(body)).isInstanceOf(JobMessages.PoisonMessageException.class)
                .hasMessageContaining(reason);
    }
}
