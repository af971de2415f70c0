package hub.batch;

/**
 * Exponential backoff with a cap and a limit: attempt n (1-based) is followed by a wait of
 * {@code initialDelayMs * 2^(n-1)}, at most {@code maxDelayMs}, or by nothing (-1) once {@code maxAttempts} are spent.
 */
public record Backoff(long initialDelayMs, long maxDelayMs, int maxAttempts) {

    public Backoff {
        initialDelayMs = Math.max(1, initialDelayMs);
        maxDelayMs = Math.max(initialDelayMs, maxDelayMs);
        maxAttempts = Math.max(1, maxAttempts);
    }

    /** The wait after {@code attempt} failed before the next one, or -1 when it was the last allowed. */
    public long delayAfter(int attempt) {
        if (attempt >= maxAttempts) {
            return -1;
        }
        int shift = Math.min(Math.max(attempt - 1, 0), 30);
        long delay = initialDelayMs << shift;
        return delay <= 0 || delay > maxDelayMs ? maxDelayMs : delay;
    }
}
