package hub.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class LlmFailureCauseTest {

    private final LlmFailureCause causes = new LlmFailureCause();

    @Test
    void namesTheNetworkCauseAnywhereInTheChain() {
        assertThat(causes.describe(new IOException("wrapped", new ConnectException("Connection refused"))))
                .isEqualTo("connection refused (Connection refused)");
        assertThat(causes.describe(new UnknownHostException("llm.invalid"))).isEqualTo("unknown host (DNS): llm.invalid");
        assertThat(causes.describe(new SSLHandshakeException("PKIX path building failed")))
                .isEqualTo("TLS handshake failed: PKIX path building failed");
        assertThat(causes.describe(new SocketTimeoutException("Connect timed out"))).startsWith("connect timed out");
        assertThat(causes.describe(new SocketTimeoutException("Read timed out")))
                .isEqualTo("timed out waiting for the answer");
        assertThat(causes.describe(new IOException("odd"))).isEqualTo("IOException: odd");
    }
}
