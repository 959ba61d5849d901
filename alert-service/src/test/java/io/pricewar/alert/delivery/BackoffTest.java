package io.pricewar.alert.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofHours(1));

    @Test
    void doublesEachAttemptWithJitterInTheUpperHalf() {
        assertSpreadOver(waits(1), Duration.ofMillis(500), Duration.ofSeconds(1));
        assertSpreadOver(waits(3), Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void neverWaitsLongerThanTheMaximum() {
        assertThat(backoff.after(40, null)).isLessThanOrEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void waitsAtLeastAsLongAsRetryAfterAsks() {
        assertThat(backoff.after(1, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void capsARetryAfterBeyondTheLongestHonoured() {
        assertThat(backoff.after(1, Duration.ofDays(3))).isEqualTo(Duration.ofHours(1));
    }

    private List<Duration> waits(int attempts) {
        return IntStream.range(0, 200).mapToObj(i -> backoff.after(attempts, null)).toList();
    }

    /**
     * Every wait within [low, high], and some in each half of it: without jitter all would be one
     * value (an end of the range), which a range check alone lets pass. 200 uniform draws all
     * landing in one half happen with odds of 2^-199.
     */
    private static void assertSpreadOver(List<Duration> waits, Duration low, Duration high) {
        Duration middle = low.plus(high).dividedBy(2);
        assertThat(waits).allSatisfy(wait -> assertThat(wait).isBetween(low, high));
        assertThat(waits).anySatisfy(wait -> assertThat(wait).isLessThan(middle));
        assertThat(waits).anySatisfy(wait -> assertThat(wait).isGreaterThanOrEqualTo(middle));
    }
}
