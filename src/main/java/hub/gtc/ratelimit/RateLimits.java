package hub.gtc.ratelimit;

final class RateLimits {

    private RateLimits() {
    }

    static void check(double ratePerSecond, long burst) {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("rate per second must be a positive number, got " + ratePerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1, got " + burst);
        }
    }
}
