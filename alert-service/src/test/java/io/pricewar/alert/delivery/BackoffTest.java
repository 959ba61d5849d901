package io.pricewar.alert.delivery;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofHours(1));

    @RepeatedTest(20)
    void doublesEachAttemptWithJitterInTheUpperHalf() {
        assertThat(backoff.after(1, null)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(backoff.after(3, null)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
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
}
