package hub.gtc.units;

/** A claim unit and what the unit cache answered for it: null on a miss or when the cache is off. */
public record GtcUnitLookup(GtcClaimUnit unit, GtcUnitAnswer cached) {

    public boolean missed() {
        return cached == null;
    }
}
