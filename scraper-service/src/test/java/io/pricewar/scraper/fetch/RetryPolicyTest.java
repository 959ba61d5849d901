package io.pricewar.scraper.fetch;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The waits between attempts: doubled per attempt, jittered within half and all of it, capped. */
class RetryPolicyTest {

    private static final long BACKOFF_MS = 100;
    private static final long MAX_BACKOFF_MS = 1000;
    private static final int SAMPLES = 200;

    private final RetryPolicy policy = new RetryPolicy(new FetchProperties(null, null, null, null, null, null, 0, 0,
            Duration.ofMillis(BACKOFF_MS), Duration.ofMillis(MAX_BACKOFF_MS), null, null, null));

    private List<Long> waitsBefore(long attempt) {
        return LongStream.range(0, SAMPLES).mapToObj(i -> policy.waitBefore(attempt, null).toMillis()).toList();
    }

    private static double average(List<Long> waits) {
        return waits.stream().mapToLong(Long::longValue).average().orElseThrow();
    }

    @Test
    void doublesTheWaitWithEachAttemptKeepingItWithinHalfAndAllOfTheBackoff() {
        double previous = 0;
        for (long attempt = 1; attempt <= 4; attempt++) {
            long backoff = BACKOFF_MS << (attempt - 1);
            List<Long> waits = waitsBefore(attempt);

            assertThat(waits).as("attempt %d", attempt).allSatisfy(wait -> assertThat(wait).isBetween(backoff / 2, backoff));
            assertThat(average(waits)).as("attempt %d", attempt).isGreaterThan(previous);
            previous = average(waits);
        }
    }

    @Test
    void capsTheWaitAtTheLongestBackoffHoweverManyAttempts() {
        for (long attempt : new long[] {5, 10, 64, 1_000}) {
            assertThat(waitsBefore(attempt)).as("attempt %d", attempt)
                    .allSatisfy(wait -> assertThat(wait).isBetween(MAX_BACKOFF_MS / 2, MAX_BACKOFF_MS));
        }
    }

    @Test
    void jittersTheWaitSoThatReplicasDoNotRetryInStep() {
        assertThat(new HashSet<>(waitsBefore(3))).hasSizeGreaterThan(1);
    }

    @Test
    void waitsAsLongAsRetryAfterAsksWhenThatIsLongerThanTheBackoff() {
        assertThat(policy.waitBefore(1, Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.waitBefore(4, Duration.ofMillis(1)).toMillis()).isBetween(400L, 800L);
    }
}
