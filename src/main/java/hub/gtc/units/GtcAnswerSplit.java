package hub.gtc.units;

import hub.article.QuoteLocator;
import hub.cost.CallShares;
import hub.gtc.check.GtcCheckAnswer.Claim;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Shares one GTC check answer out over the claim units the call was about: each claim goes to the unit whose text
 * contains its quote (found as {@link QuoteLocator} finds it in the report), and each unit gets an integer share of
 * the call's calls and tokens, so that the shares add up to the call's (the remainder to the first units).
 */
public final class GtcAnswerSplit {

    private GtcAnswerSplit() {
    }

    /**
     * The claims of each unit, in the order of {@code units}; empty when any claim's quote is in none of the units or
     * in more than one, since its unit is then unknown.
     */
    public static Optional<List<List<Claim>>> byUnit(List<GtcClaimUnit> units, List<Claim> claims) {
        List<List<Claim>> byUnit = new ArrayList<>();
        units.forEach(u -> byUnit.add(new ArrayList<>()));
        for (Claim claim : claims) {
            int owner = -1;
            for (int i = 0; i < units.size(); i++) {
                if (QuoteLocator.find(units.get(i).text(), claim.quote(), 0).isPresent()) {
                    if (owner >= 0) {
                        return Optional.empty();
                    }
                    owner = i;
                }
            }
            if (owner < 0) {
                return Optional.empty();
            }
            byUnit.get(owner).add(claim);
        }
        return Optional.of(byUnit.stream().map(List::copyOf).toList());
    }

    /**
     * One {@link GtcUnitAnswer} per unit: its claims and its share of the call ({@code calls} model calls with these
     * tokens), paid by {@code jobId}.
     */
    public static List<GtcUnitAnswer> shareOut(List<List<Claim>> claimsByUnit, String jobId, String model, int calls,
                                               int promptTokens, int completionTokens) {
        int n = claimsByUnit.size();
        List<GtcUnitAnswer> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            answers.add(new GtcUnitAnswer(jobId, claimsByUnit.get(i), model, CallShares.part(calls, i, n),
                    CallShares.part(promptTokens, i, n), CallShares.part(completionTokens, i, n)));
        }
        return answers;
    }

    /**
     * Whether the answer may be cached under the unit's key: every claim rests on one of the unit's own passages (or
     * on none), so the key's passages cover everything the answer depends on. A claim resting on a passage another
     * unit brought into the call would otherwise survive a new version of that passage's document.
     */
    public static boolean coveredByKey(GtcClaimUnit unit, GtcUnitAnswer answer) {
        return answer.claims().stream().map(Claim::passage).filter(Objects::nonNull)
                .allMatch(unit.passages()::contains);
    }
}
