package hub.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryPolicyTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2025-10-21T07:28:00Z"), ZoneOffset.UTC);

    private final RetryPolicy lowestJitter = new RetryPolicy(4, 500, 20_000, NOW, () -> 0.0);
    private final RetryPolicy highestJitter = new RetryPolicy(4, 500, 20_000, NOW, () -> 0.999_999);

    @Test
    void retryAfterSecondsIsHonoured() {
        assertThat(lowestJitter.delayMillis(1, "3")).isEqualTo(3_000);
        assertThat(lowestJitter.delayMillis(1, " 0 ")).isZero();
    }

    @Test
    void retryAfterHttpDateIsRelativeToTheClock() {
        assertThat(lowestJitter.delayMillis(1, "Tue, 21 Oct 2025 07:28:07 GMT")).isEqualTo(7_000);
    }

    @Test
    void retryAfterInThePastMeansNoWait() {
        assertThat(lowestJitter.delayMillis(2, "Tue, 21 Oct 2025 07:27:00 GMT")).isZero();
    }

    @Test
    void retryAfterIsCappedAtTheMaximumDelay() {
        assertThat(lowestJitter.delayMillis(1, "120")).isEqualTo(20_000);
        assertThat(lowestJitter.delayMillis(1, "99999999999999999999999")).isEqualTo(20_000);
        assertThat(lowestJitter.delayMillis(1, "Tue, 21 Oct 2025 09:00:00 GMT")).isEqualTo(20_000);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "soon", "-5", "1.5", "21 Oct 2025"})
    void missingOrUnparseableRetryAfterFallsBackToBackoff(String header) {
        assertThat(lowestJitter.delayMillis(1, header)).isEqualTo(250);
        assertThat(highestJitter.delayMillis(1, header)).isEqualTo(500);
    }

    @Test
    void backoffDoublesPerAttemptWithinEqualJitterBounds() {
        assertThat(lowestJitter.delayMillis(1, null)).isEqualTo(250);
        assertThat(lowestJitter.delayMillis(2, null)).isEqualTo(500);
        assertThat(lowestJitter.delayMillis(3, null)).isEqualTo(1_000);
        assertThat(highestJitter.delayMillis(1, null)).isEqualTo(500);
        assertThat(highestJitter.delayMillis(2, null)).isEqualTo(1_000);
        assertThat(highestJitter.delayMillis(3, null)).isEqualTo(2_000);
    }

    @Test
    void backoffIsCappedAtTheMaximumDelay() {
        assertThat(highestJitter.delayMillis(7, null)).isEqualTo(20_000);
        assertThat(highestJitter.delayMillis(Integer.MAX_VALUE, null)).isEqualTo(20_000);
        assertThat(lowestJitter.delayMillis(Integer.MAX_VALUE, null)).isEqualTo(10_000);
    }

    @Test
    void realJitterStaysWithinBoundsAndIsNeverNegative() {
        RetryPolicy policy = new RetryPolicy(4, 500, 20_000);

        for (int attempt = 0; attempt <= 10; attempt++) {
            for (int i = 0; i < 200; i++) {
                assertThat(policy.delayMillis(attempt, null)).isBetween(0L, 20_000L);
            }
        }
        for (int i = 0; i < 200; i++) {
            assertThat(policy.delayMillis(3, "")).isBetween(1_000L, 2_000L);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 500, 502, 503, 504, 599})
    void retryableStatuses(int status) {
        assertThat(lowestJitter.isRetryable(status)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 400, 401, 403, 404, 413, 422, 501, 505, 600})
    void nonRetryableStatuses(int status) {
        assertThat(lowestJitter.isRetryable(status)).isFalse();
    }

    @Test
    void countsAttempts() {
        assertThat(lowestJitter.maxAttempts()).isEqualTo(4);
        assertThat(lowestJitter.hasAttemptsLeft(1)).isTrue();
        assertThat(lowestJitter.hasAttemptsLeft(3)).isTrue();
        assertThat(lowestJitter.hasAttemptsLeft(4)).isFalse();
    }

    @Test
    void rejectsInconsistentSettings() {
        assertThatThrownBy(() -> new RetryPolicy(0, 500, 20_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(4, -1, 20_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(4, 500, 100)).isInstanceOf(IllegalArgumentException.class);
    }
}
