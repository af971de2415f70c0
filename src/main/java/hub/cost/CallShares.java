package hub.cost;

/**
 * Shares one model call's calls and tokens out over the questions it answered in integer parts that add up to the
 * call's, the remainder to the first ones, so that costs summed over the questions equal what the endpoint counted.
 */
public final class CallShares {

    private CallShares() {
    }

    /** The {@code i}-th of {@code n} integer shares of {@code total}. */
    public static int part(int total, int i, int n) {
        return total / n + (i < total % n ? 1 : 0);
    }
}
