package hub.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemErrorReportValveTest {

    @Test
    void aMalformedRequestIsABadRequestProblemThatSaysWhyWithoutRepeatingIt() {
        ProblemException problem = ProblemErrorReportValve.problem(400,
                new IllegalArgumentException("Invalid character found in header value [Bearer secret\r]"));
        assertThat(problem.type()).isEqualTo("malformed-request");
        assertThat(problem.title()).isEqualTo("Bad Request");
        assertThat(problem.detail()).contains("malformed").doesNotContain("secret");
    }

    @Test
    void headersAboveTheLimitHaveTheirOwnType() {
        ProblemException problem = ProblemErrorReportValve.problem(400,
                new IllegalArgumentException("Request header is too large"));
        assertThat(problem.type()).isEqualTo("headers-too-large");
        assertThat(problem.status()).isEqualTo(400);
    }

    @Test
    void otherStatusesAreProblemsWithTheirReasonPhraseAndNeverExposeAServerError() {
        assertThat(ProblemErrorReportValve.problem(404, null).type()).isEqualTo("not-found");
        assertThat(ProblemErrorReportValve.problem(405, null).title()).isEqualTo("Method Not Allowed");
        assertThat(ProblemErrorReportValve.problem(503, null).type()).isEqualTo("service-unavailable");
        assertThat(ProblemErrorReportValve.problem(500, null).type()).isEqualTo("internal-error");
        assertThat(ProblemErrorReportValve.problem(599, null).detail()).doesNotContain("Exception");
    }
}
