package hub.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemErrorReportValveTest {

    @Test
    void aMalformedRequestIsABadRequestProblemThatSaysWhy() {
        assertThat(ProblemErrorReportValve.document(400))
                .containsEntry("type", "about:blank").containsEntry("title", "Bad Request").containsEntry("status", 400)
                .hasEntrySatisfying("detail", d -> assertThat((String) d).contains("URL or request line is malformed"));
    }

    @Test
    void otherStatusesKeepTheirReasonPhraseAndUnknownOnesTheirNumber() {
        assertThat(ProblemErrorReportValve.document(503)).containsEntry("title", "Service Unavailable")
                .doesNotContainKey("detail");
        assertThat(ProblemErrorReportValve.document(599)).containsEntry("title", "HTTP 599");
    }
}
