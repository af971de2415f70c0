package hub.gtc.units;

import hub.gtc.check.GtcCheckAnswer;
import java.util.List;

/**
 * What the unit cache keeps of a GTC check for one claim unit: the model's claims whose quote lies in the unit (none
 * when it found no contractual claim there), each with the passage it rests on, the job that paid for them, and the
 * unit's integer share of that call's calls and tokens.
 */
public record GtcUnitAnswer(String jobId, List<GtcCheckAnswer.Claim> claims, String model, int calls,
        int promptTokens, int completionTokens) {

    public GtcUnitAnswer {
        claims = claims == null ? List.of() : List.copyOf(claims);
    }
}
