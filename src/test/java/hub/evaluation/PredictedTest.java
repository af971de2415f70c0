package hub.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class PredictedTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void passAndNotApplicableAreClean() throws Exception {
        assertThat(Predicted.of(json("{'verdict':'PASS','findings':[]}"))).isEqualTo(Predicted.CLEAN);
        assertThat(Predicted.of(json("{'verdict':'NOT_APPLICABLE'}"))).isEqualTo(Predicted.CLEAN);
    }

    @Test
    void notEvaluatedErrorAndAbsentAreUndecided() throws Exception {
        assertThat(Predicted.of(json("{'verdict':'NOT_EVALUATED'}"))).isEqualTo(Predicted.UNDECIDED);
        assertThat(Predicted.of(json("{'verdict':'ERROR'}"))).isEqualTo(Predicted.UNDECIDED);
        assertThat(Predicted.of(null)).isEqualTo(Predicted.UNDECIDED);
        assertThat(Predicted.of(JSON.missingNode())).isEqualTo(Predicted.UNDECIDED);
    }

    @Test
    void failOrWarnWithACountingFindingOrNoFindingsIsAViolation() throws Exception {
        assertThat(Predicted.of(json("{'verdict':'FAIL','findings':[]}"))).isEqualTo(Predicted.VIOLATION);
        assertThat(Predicted.of(json("{'verdict':'WARN'}"))).isEqualTo(Predicted.VIOLATION);
        assertThat(Predicted.of(json("{'verdict':'WARN','findings':[{'quote':'a','needsReview':true},"
                + "{'quote':'b'}]}"))).isEqualTo(Predicted.VIOLATION);
        assertThat(Predicted.of(json("{'verdict':'FAIL','findings':[{'quote':'a','needsReview':false}]}")))
                .isEqualTo(Predicted.VIOLATION);
    }

    @Test
    void failWhoseLiveFindingsAllNeedReviewIsReview() throws Exception {
        assertThat(Predicted.of(json("{'verdict':'FAIL','findings':[{'quote':'a','needsReview':true}]}")))
                .isEqualTo(Predicted.REVIEW);
        // The overruled finding does not count; the one left needs review.
        assertThat(Predicted.of(json("{'verdict':'WARN','findings':[{'quote':'a','overruledBy':'llm'},"
                + "{'quote':'b','needsReview':true}]}"))).isEqualTo(Predicted.REVIEW);
        // Every finding overruled: no live finding, so (vacuously) review, not a violation.
        assertThat(Predicted.of(json("{'verdict':'FAIL','findings':[{'quote':'a','overruledBy':'llm'}]}")))
                .isEqualTo(Predicted.REVIEW);
    }

    @Test
    void anOverruledFindingNeverCounts() throws Exception {
        assertThat(Predicted.counts(json("{'quote':'a','overruledBy':'llm'}"))).isFalse();
        assertThat(Predicted.counts(json("{'quote':'a','overruledBy':null}"))).isTrue();
        assertThat(Predicted.counts(json("{'quote':'a','needsReview':true}"))).isFalse();
    }
}
